package cn.taihang.bridge.signs;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.BridgeCore;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestGateway;
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
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.Topics;
import cn.taihang.wire.records.AlarmEvent;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.SignReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
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

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        private static final String SITE = "hub-a";
        private static final String GATEWAY = "gw-hub-a";
        private static final SenmlCodec SENML = new SenmlCodec();

        @TempDir
        Path dir;

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
            List<SenmlRecord> v = new ArrayList<>(List.of(SenmlRecord.of(SignReport.STATE, state),
                    SenmlRecord.of(SignReport.LINK, !state.equals("PANEL_DOWN")),
                    SenmlRecord.of(SignReport.ROLE, "hub"), SenmlRecord.of(SignReport.LARGE, false), SenmlRecord.of(SignReport.ORIGIN, "CENTRAL"),
                    SenmlRecord.of(SignReport.SOURCE, "bridge/hub-board"), SenmlRecord.of(SignReport.PRIORITY, 50),
                    SenmlRecord.of(SignReport.ACTIVATED, System.currentTimeMillis()), SenmlRecord.of(SignReport.WIDTH, 256),
                    SenmlRecord.of(SignReport.HEIGHT, 128), SenmlRecord.of(SignReport.COLOUR, "TRICOLOUR"), SenmlRecord.of(SignReport.PAGES, pages),
                    SenmlRecord.of(SignReport.BRIGHTNESS, 80), SenmlRecord.of(SignReport.TEMPERATURE, 21.5), SenmlRecord.of(SignReport.AMBIENT, 9000),
                    SenmlRecord.of(SignReport.PIXEL_FAULTS, 0), SenmlRecord.text(SignReport.MESSAGE.nameOf(0), multi)));
            if (png != null) {
                CRC32 crc = new CRC32();
                crc.update(png);
                v.add(SenmlRecord.of(SignReport.PNG_BYTES, png.length));
                v.add(SenmlRecord.of(SignReport.PNG_CRC, crc.getValue()));
                for (int i = 0, n = 0; i < png.length; i += 90, n++) {
                    v.add(SenmlRecord.text(SignReport.PNG.nameOf(n),
                            Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(png, i, Math.min(png.length, i + 90)))));
                }
            }
            return record(sign, RecordKinds.SIGN_STATUS, v);
        }

        /** @return the latest retained {@code sign-message} command the gateway got, as JSON, or {@code null} */
        private static JsonObject signMessage(TestGateway gw) {
            return gw.latestCommandText("sign-message").map(JsonObject::new).orElse(null);
        }

        /** A batch that failed is resent after newer ones: the raise arriving after its clear leaves no warning; a later raise does. */
        @Test
        void aRaiseArrivingAfterItsClearLeavesNoRoadWarning() throws Exception {
            long t = System.currentTimeMillis();
            try (RunningBridge bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of(new SignsModule())).toCompletableFuture().get();
                 TestGateway gw = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), SITE, GATEWAY)) {
                gw.send(List.of(iceAlarm(2, t - 60_000, RecordKinds.ALARM_CLEARED)));
                await().untilAsserted(() -> assertThat(gw.ackedSeqs()).contains(2L));
                gw.send(List.of(iceAlarm(1, t - 120_000, RecordKinds.ALARM_RAISED)));
                await().untilAsserted(() -> assertThat(gw.ackedSeqs()).contains(1L));
                assertThat(iceActive(bridge)).as("cleared after it was raised, whatever the arrival").isEqualTo(0);
                gw.send(List.of(iceAlarm(3, t, RecordKinds.ALARM_RAISED)));
                await().untilAsserted(() -> assertThat(iceActive(bridge)).as("ice again").isEqualTo(1));
            }
        }

        private static RecordFrame iceAlarm(long seq, long time, String kind) {
            return new RecordFrame(seq, time, "road-b", kind, 0, true, SENML.encodeCbor(List.of(SenmlRecord.of(AlarmEvent.ID, "ice@rs-1"),
                    SenmlRecord.of(AlarmEvent.ALARM_KIND, "ice"), SenmlRecord.of(AlarmEvent.SEVERITY, "WARNING"), SenmlRecord.of(AlarmEvent.MESSAGE, "路面结冰 / Ice"))));
        }

        private int iceActive(RunningBridge bridge) throws Exception {
            try (java.sql.Connection db = storage.connect(bridge);
                 java.sql.ResultSet rows = db.createStatement().executeQuery("SELECT active FROM sign_road_alarms WHERE id = 'ice@rs-1'")) {
                return rows.next() ? rows.getInt(1) : -1;
            }
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

            try (RunningBridge bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of(new SignsModule())).toCompletableFuture().get();
                 TestGateway gw = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), SITE, GATEWAY);
                 ApiClient api = SECURITY.client(bridge, Scopes.SIGNS_WRITE, Scopes.TELEMETRY_READ)) {

                gw.birth(new Birth(1, GATEWAY, SITE, "晋城东站 Jincheng East", 1,
                        System.currentTimeMillis(), "test", Map.of(), List.of(new Birth.DeviceEntry("board-a", "digital-sign", "站前大屏 / forecourt board"),
                        new Birth.DeviceEntry("road-b", "digital-sign", "路侧 / roadside")), null, null));
                gw.send(List.of(status("board-a", "SHOWN", "[jp3]晋城[np][jp3]Jincheng", png, 2),
                        record("hub-a-l1", RecordKinds.COUNTER_INTERVAL, List.of(SenmlRecord.of(CounterInterval.COUNT, 12))),
                        record("hub-a-l2", RecordKinds.COUNTER_INTERVAL, List.of(SenmlRecord.of(CounterInterval.COUNT, 2)))));
                await().until(() -> !gw.acks().isEmpty());

                JsonArray items = api.json("/api/v1/signs").getJsonArray("items");
                assertThat(items).hasSize(2);
                JsonObject board = items.getJsonObject(0);
                assertThat(board.getString("id")).isEqualTo("board-a");
                assertThat(board.getString("state")).isEqualTo("SHOWN");
                assertThat(board.getString("message")).isEqualTo("[jp3]晋城[np][jp3]Jincheng");
                assertThat(board.getString("description")).isEqualTo("站前大屏 / forecourt board");
                assertThat(board.getBoolean("online")).isTrue();
                assertThat(board.getString("image")).isEqualTo("/api/v1/signs/board-a/image.png");
                assertThat(items.getJsonObject(1).getString("state")).as("known from the birth only").isEqualTo("UNKNOWN");

                ApiClient.Answer image = api.get("/api/v1/signs/board-a/image.png");
                assertThat(image.status()).isEqualTo(200);
                assertThat(image.contentType()).isEqualTo("image/png");
                assertThat(image.bytes()).isEqualTo(png);
                BufferedImage english = ImageIO.read(new ByteArrayInputStream(api.get("/api/v1/signs/board-a/image.png?page=2").bytes()));
                assertThat(english.getHeight()).isEqualTo(128);
                assertThat(english.getRGB(100, 60) & 0xFFFFFF).isEqualTo(pages.get(1).rgb(100, 60));
                assertThat(api.get("/api/v1/signs/board-a/image.png?page=3").status()).isEqualTo(400);
                assertThat(api.get("/api/v1/signs/nope/image.png").status()).isEqualTo(404);
                assertThat(api.get("/api/v1/signs/road-b/image.png").status()).isEqualTo(404);

                await().untilAsserted(() -> assertThat(signMessage(gw)).isNotNull());
                JsonObject hub = signMessage(gw).getJsonArray("signs").getJsonObject(0);
                assertThat(hub.getString("sign")).isEqualTo("board-a");
                assertThat(hub.getString("source")).isEqualTo("bridge/hub-board");
                assertThat(hub.getInteger("priority")).isEqualTo(50);
                assertThat(hub.getInteger("duration")).isEqualTo(5);
                assertThat(hub.getString("multi")).contains("下一班车", "Next buses", "晋城东站停车", "余290", "290 free", "无预警")
                        .containsAnyOf("王莽岭", "今日班车已结束");
                assertThat(renderer.render(hub.getString("multi")).pages()).hasSize(4);

                gw.send(List.of(record("post-x-vis", RecordKinds.ALARM_RAISED, List.of(SenmlRecord.of(AlarmEvent.ID, "fog@vis-1"),
                        SenmlRecord.of(AlarmEvent.ALARM_KIND, "fog"), SenmlRecord.of(AlarmEvent.SEVERITY, "CRITICAL"), SenmlRecord.of(AlarmEvent.MESSAGE, "前方大雾 / Fog ahead")))));
                await().untilAsserted(() -> assertThat(signMessage(gw).getJsonArray("signs").getJsonObject(0).getString("multi"))
                        .contains("大雾", "fog").doesNotContain("无预警"));

                assertThat(api.call("PUT", "/api/v1/signs/board-a/message", "{\"multi\":\"[fl]x[/fl]\",\"priority\":100,\"duration\":5}").body())
                        .contains("unsupportedTag");
                ApiClient.Answer tooBig = api.call("PUT", "/api/v1/signs/board-a/message",
                        "{\"multi\":\"" + "晋城高铁东站".repeat(4) + "\",\"priority\":100,\"duration\":5}");
                assertThat(tooBig.status()).isEqualTo(422);
                assertThat(tooBig.body()).contains("textTooBig");
                assertThat(api.call("PUT", "/api/v1/signs/board-a/message", "{\"multi\":\"x\",\"priority\":300,\"duration\":5}").status()).isEqualTo(400);
                assertThat(api.call("PUT", "/api/v1/signs/board-a/message", "not json").status()).isEqualTo(400);
                assertThat(api.call("PUT", "/api/v1/signs/nope/message", "{\"multi\":\"x\",\"priority\":1,\"duration\":5}").status()).isEqualTo(404);
                ApiClient.Answer accepted = api.call("PUT", "/api/v1/signs/board-a/message",
                        "{\"multi\":\"[jp3]临时管制\",\"priority\":120,\"duration\":30,\"source\":\"operator:li\"}");
                assertThat(accepted.status()).isEqualTo(202);
                assertThat(new JsonObject(accepted.body()).getLong("command")).isPositive();
                await().untilAsserted(() -> assertThat(signMessage(gw).getJsonArray("signs").getJsonObject(0).getString("multi")).isEqualTo("[jp3]临时管制"));
                JsonObject detail = api.json("/api/v1/signs/board-a/message");
                assertThat(detail.getJsonObject("desired").getString("source")).isEqualTo("operator:li");
                await().during(java.time.Duration.ofMillis(2500)).atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(signMessage(gw).getJsonArray("signs").getJsonObject(0).getString("source")).as("the hub board keeps off").isEqualTo("operator:li"));

                api.get("/api/v1/signs");
                api.get("/api/v1/signs/board-a/message");
                api.get("/api/v1/signs/nope/message");
                api.get("/api/v1/signs/nope/image.png");
                api.call("PUT", "/api/v1/signs/board-a/message", "{\"multi\":\"[mv]x\",\"priority\":1,\"duration\":1}");
                api.call("PUT", "/api/v1/signs/board-a/message", "{\"multi\":\"ok\",\"priority\":200,\"duration\":1}");

                gw.send(List.of(status("board-a", "PANEL_DOWN", "[jp3]临时管制", null, 1)));
                await().until(() -> api.get("/api/v1/signs/board-a/image.png").status() == 503);
                api.get("/api/v1/signs/board-a/image.png");
            }
        }
    }
}
