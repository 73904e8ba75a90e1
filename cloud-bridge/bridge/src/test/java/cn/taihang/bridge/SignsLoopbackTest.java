package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.FontSet;
import cn.taihang.sign.rendering.HexFont;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.PanelSpec;
import cn.taihang.sign.rendering.PngEncoder;
import cn.taihang.wire.Birth;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signs module on the real bridge, MQTT and HTTP on loopback: the registry from births and sign.status records,
 * the image of what a panel shows, operator messages checked against the panel, and hub boards composed from the
 * network file (departures, parking from vehicle counts, road-weather alarms) sent down as retained commands.
 */
@Tag("loopback")
class SignsLoopbackTest {

    private static final String SITE = "hub-a";
    private static final String GATEWAY = "gw-hub-a";
    private static final SenmlCodec SENML = new SenmlCodec();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private long seq;

    private static FontSet fonts() throws Exception {
        try (InputStream in = SignsLoopbackTest.class.getClassLoader().getResourceAsStream("cn/taihang/sign/fonts/unifont-signs.hex")) {
            return FontSet.unifont(HexFont.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList()));
        }
    }

    private RecordFrame record(String device, String kind, List<SenmlRecord> values) {
        return new RecordFrame(++seq, System.currentTimeMillis(), device, kind, 1, false, SENML.encodeCbor(values));
    }

    private RecordFrame status(String sign, String state, String multi, byte[] png, int pages) {
        List<SenmlRecord> v = new ArrayList<>(List.of(SenmlRecord.text("state", state), SenmlRecord.flag("link", !state.equals("PANEL_DOWN")),
                SenmlRecord.text("role", "hub"), SenmlRecord.flag("large", false), SenmlRecord.text("origin", "CENTRAL"),
                SenmlRecord.text("source", "bridge/hub-board"), SenmlRecord.number("priority", null, 50),
                SenmlRecord.number("activated", "ms", System.currentTimeMillis()), SenmlRecord.number("width", "px", 256),
                SenmlRecord.number("height", "px", 128), SenmlRecord.text("colour", "TRICOLOUR"), SenmlRecord.number("pages", null, pages),
                SenmlRecord.number("brightness", "%", 80), SenmlRecord.number("temperature", "Cel", 21.5), SenmlRecord.number("ambient", "lx", 9000),
                SenmlRecord.number("pixelFaults", "count", 0), SenmlRecord.text("message/00", multi)));
        if (png != null) {
            CRC32 crc = new CRC32();
            crc.update(png);
            v.add(SenmlRecord.number("png/bytes", "By", png.length));
            v.add(SenmlRecord.number("png/crc", null, crc.getValue()));
            for (int i = 0, n = 0; i < png.length; i += 90, n++) {
                v.add(SenmlRecord.text(String.format("png/%03d", n),
                        Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(png, i, Math.min(png.length, i + 90)))));
            }
        }
        return record(sign, "sign.status", v);
    }

    private HttpResponse<byte[]> get(RunningBridge bridge, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> put(RunningBridge bridge, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private io.vertx.core.Vertx vertx;
    private JsonObject raw;
    private io.vertx.openapi.contract.OpenAPIContract contract;

    @org.junit.jupiter.api.AfterEach
    void closeVertx() {
        if (vertx != null) {
            vertx.close().await();
        }
    }

    /** Checks a real answer against the OpenAPI document, as {@link OpenApiContractTest} does for the core routes. */
    private void validate(RunningBridge bridge, String method, String path, String body, String operationId) throws Exception {
        if (vertx == null) {
            vertx = io.vertx.core.Vertx.vertx();
            raw = OpenApiContractTest.loadDocument();
            contract = io.vertx.openapi.contract.OpenAPIContract.from(vertx, OpenApiContractTest.adaptMediaTypes(raw.copy())).await();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge.httpUrl() + path));
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String mediaType = r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        io.vertx.openapi.contract.Operation op = contract.operation(operationId);
        assertThat(op.getResponse(r.statusCode())).as("%s %s answered %d, undocumented", method, path, r.statusCode()).isNotNull();
        JsonObject documented = raw.getJsonObject("paths").getJsonObject(op.getOpenAPIPath()).getJsonObject(method.toLowerCase())
                .getJsonObject("responses").getJsonObject(String.valueOf(r.statusCode())).getJsonObject("content");
        assertThat(documented.fieldNames()).as("%s %s content type", method, path).contains(mediaType);
        String validatedAs = OpenApiContractTest.MEDIA_TYPE_ALIASES.getOrDefault(mediaType, mediaType);
        io.vertx.openapi.validation.ResponseValidator.create(vertx, contract).validate(io.vertx.openapi.validation.ValidatableResponse.create(
                r.statusCode(), Map.of("Content-Type", validatedAs), io.vertx.core.buffer.Buffer.buffer(r.body()), validatedAs), operationId).await();
    }

    @Test
    void signsAreListedTheirImagesServedAndHubBoardsSentDown() throws Exception {
        Files.createDirectories(dir.resolve("signs"));
        Files.writeString(dir.resolve("signs/network.json"), """
                {"zone": "Asia/Shanghai", "composeSeconds": 1,
                 "places": [{"id": "hub-a", "zh": "晋城东站", "en": "Jincheng East"}, {"id": "view-b", "zh": "王莽岭", "en": "Wangmangling"},
                            {"id": "post-x", "zh": "浙水", "en": "Zheshui"}],
                 "lines": [{"id": "t-1", "kind": "tourist-new", "stops": ["hub-a", "view-b"]}],
                 "parking": [{"area": "hub-a", "spaces": 300, "in": ["hub-a-l1"], "out": ["hub-a-l2"]}]}""");
        MessageRenderer renderer = new MessageRenderer(PanelSpec.of(256, 128, ColourScheme.TRICOLOUR, false), fonts());
        List<Bitmap> pages = renderer.render("[jp3]晋城[np][jp3]Jincheng").images();
        byte[] png = new PngEncoder().encode(Bitmap.stack(pages));

        try (RunningBridge bridge = Bridge.start(BridgeOptions.ephemeral(dir)).toCompletableFuture().get();
             TestGateway gw = new TestGateway(bridge.brokerUrl(), SITE, GATEWAY)) {
            AtomicReference<JsonObject> command = new AtomicReference<>();
            MqttClient listener = new MqttClient(bridge.brokerUrl(), "sign-listener", new MemoryPersistence());
            listener.connect();
            listener.subscribe(Topics.command(SITE, GATEWAY, "sign-message"), 1, (topic, message) ->
                    command.set(new JsonObject(new String(new CommandCodec().decode(message.getPayload()).body(), StandardCharsets.UTF_8))));

            gw.sendRaw(Topics.birth(SITE, GATEWAY), new LifecycleCodec().encodeBirth(new Birth(1, GATEWAY, SITE, "晋城东站 Jincheng East", 1,
                    System.currentTimeMillis(), "test", Map.of(), List.of(new Birth.DeviceEntry("board-a", "digital-sign", "站前大屏 / forecourt board"),
                    new Birth.DeviceEntry("road-b", "digital-sign", "路侧 / roadside")), null, null)));
            gw.send(List.of(status("board-a", "SHOWN", "[jp3]晋城[np][jp3]Jincheng", png, 2),
                    record("hub-a-l1", "counter.interval", List.of(SenmlRecord.number("count", "count", 12))),
                    record("hub-a-l2", "counter.interval", List.of(SenmlRecord.number("count", "count", 2)))));
            await().until(() -> !gw.acks().isEmpty());

            JsonArray items = new JsonObject(new String(get(bridge, "/api/v1/signs").body(), StandardCharsets.UTF_8)).getJsonArray("items");
            assertThat(items).hasSize(2);
            JsonObject board = items.getJsonObject(0);
            assertThat(board.getString("id")).isEqualTo("board-a");
            assertThat(board.getString("state")).isEqualTo("SHOWN");
            assertThat(board.getString("message")).isEqualTo("[jp3]晋城[np][jp3]Jincheng");
            assertThat(board.getString("description")).isEqualTo("站前大屏 / forecourt board");
            assertThat(board.getBoolean("online")).isTrue();
            assertThat(board.getString("image")).isEqualTo("/api/v1/signs/board-a/image.png");
            assertThat(items.getJsonObject(1).getString("state")).as("known from the birth only").isEqualTo("UNKNOWN");

            HttpResponse<byte[]> image = get(bridge, "/api/v1/signs/board-a/image.png");
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(image.body()).isEqualTo(png);
            BufferedImage english = ImageIO.read(new ByteArrayInputStream(get(bridge, "/api/v1/signs/board-a/image.png?page=2").body()));
            assertThat(english.getHeight()).isEqualTo(128);
            assertThat(english.getRGB(100, 60) & 0xFFFFFF).isEqualTo(pages.get(1).rgb(100, 60));
            assertThat(get(bridge, "/api/v1/signs/board-a/image.png?page=3").statusCode()).isEqualTo(400);
            assertThat(get(bridge, "/api/v1/signs/nope/image.png").statusCode()).isEqualTo(404);
            assertThat(get(bridge, "/api/v1/signs/road-b/image.png").statusCode()).isEqualTo(404);

            await().untilAsserted(() -> assertThat(command.get()).isNotNull());
            JsonObject hub = command.get().getJsonArray("signs").getJsonObject(0);
            assertThat(hub.getString("sign")).isEqualTo("board-a");
            assertThat(hub.getString("source")).isEqualTo("bridge/hub-board");
            assertThat(hub.getInteger("priority")).isEqualTo(50);
            assertThat(hub.getInteger("duration")).isEqualTo(5);
            assertThat(hub.getString("multi")).contains("下一班车", "Next buses", "晋城东站停车", "余290", "290 free", "无预警")
                    .containsAnyOf("王莽岭", "今日班车已结束");
            assertThat(renderer.render(hub.getString("multi")).pages()).hasSize(4);

            gw.send(List.of(record("post-x-vis", "alarm.raised", List.of(SenmlRecord.text("id", "fog@vis-1"), SenmlRecord.text("kind", "fog"),
                    SenmlRecord.text("severity", "CRITICAL"), SenmlRecord.text("message", "前方大雾 / Fog ahead")))));
            await().untilAsserted(() -> assertThat(command.get().getJsonArray("signs").getJsonObject(0).getString("multi"))
                    .contains("大雾", "fog").doesNotContain("无预警"));

            assertThat(put(bridge, "/api/v1/signs/board-a/message", "{\"multi\":\"[fl]x[/fl]\",\"priority\":100,\"duration\":5}").body())
                    .contains("unsupportedTag");
            HttpResponse<String> tooBig = put(bridge, "/api/v1/signs/board-a/message",
                    "{\"multi\":\"" + "晋城高铁东站".repeat(4) + "\",\"priority\":100,\"duration\":5}");
            assertThat(tooBig.statusCode()).isEqualTo(422);
            assertThat(tooBig.body()).contains("textTooBig");
            assertThat(put(bridge, "/api/v1/signs/board-a/message", "{\"multi\":\"x\",\"priority\":300,\"duration\":5}").statusCode()).isEqualTo(400);
            assertThat(put(bridge, "/api/v1/signs/board-a/message", "not json").statusCode()).isEqualTo(400);
            assertThat(put(bridge, "/api/v1/signs/nope/message", "{\"multi\":\"x\",\"priority\":1,\"duration\":5}").statusCode()).isEqualTo(404);
            HttpResponse<String> accepted = put(bridge, "/api/v1/signs/board-a/message",
                    "{\"multi\":\"[jp3]临时管制\",\"priority\":120,\"duration\":30,\"source\":\"operator:li\"}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(new JsonObject(accepted.body()).getLong("command")).isPositive();
            await().untilAsserted(() -> assertThat(command.get().getJsonArray("signs").getJsonObject(0).getString("multi")).isEqualTo("[jp3]临时管制"));
            JsonObject detail = new JsonObject(new String(get(bridge, "/api/v1/signs/board-a/message").body(), StandardCharsets.UTF_8));
            assertThat(detail.getJsonObject("desired").getString("source")).isEqualTo("operator:li");
            await().during(java.time.Duration.ofMillis(2500)).atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(command.get().getJsonArray("signs").getJsonObject(0).getString("source")).as("the hub board keeps off").isEqualTo("operator:li"));

            validate(bridge, "GET", "/api/v1/signs", null, "listSigns");
            validate(bridge, "GET", "/api/v1/signs/board-a/message", null, "getSignMessage");
            validate(bridge, "GET", "/api/v1/signs/nope/message", null, "getSignMessage");
            validate(bridge, "GET", "/api/v1/signs/nope/image.png", null, "getSignImage");
            validate(bridge, "PUT", "/api/v1/signs/board-a/message", "{\"multi\":\"[mv]x\",\"priority\":1,\"duration\":1}", "putSignMessage");
            validate(bridge, "PUT", "/api/v1/signs/board-a/message", "{\"multi\":\"ok\",\"priority\":200,\"duration\":1}", "putSignMessage");

            gw.send(List.of(status("board-a", "PANEL_DOWN", "[jp3]临时管制", null, 1)));
            await().until(() -> get(bridge, "/api/v1/signs/board-a/image.png").statusCode() == 503);
            validate(bridge, "GET", "/api/v1/signs/board-a/image.png", null, "getSignImage");
            listener.disconnect();
        }
    }
}
