package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestGateway;
import java.util.function.Supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.FontSet;
import cn.taihang.sign.rendering.HexFont;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.PanelSpec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.SignReport;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dispatch decision on the hub's sign, on the real bridge: three weeks of heavy vehicle counts at the hub make the plan
 * for next week add departures; the hub's notice ("加开 T01 …") becomes the first pages of the board the signs module
 * composes for the hub's sign and sends down as its retained {@code sign-message} command — the only way anything
 * reaches a sign.
 */
@Tag("loopback")
class HubNoticeSignLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
        private static final String HUB = "jincheng-hsr-east";
        private static final String GW = "gw-jincheng-hsr-east";

        @TempDir
        Path dir;

        private static FontSet fonts() throws Exception {
            try (InputStream in = HubNoticeSignLoopbackTest.class.getClassLoader().getResourceAsStream("cn/taihang/sign/fonts/unifont-signs.hex")) {
                return FontSet.unifont(HexFont.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList()));
            }
        }

        @Test
        void extraDeparturesDecidedByDispatchAppearFirstOnTheHubsBoard() throws Exception {
            LocalDate day = LocalDate.now(CST).plusDays(7);
            SenmlCodec senml = new SenmlCodec();
            try (RunningBridge bridge = Bridge.start(SECURITY.secure(storage.options(dir))).toCompletableFuture().get();
                 ApiClient api = SECURITY.client(bridge, Scopes.SIGNS_WRITE, Scopes.DISPATCH_PLAN, Scopes.TELEMETRY_READ);
                 TestGateway hub = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), HUB, GW)) {
                long seq = 0;
                hub.send(List.of(new RecordFrame(++seq, System.currentTimeMillis(), "hsr-board-1", RecordKinds.SIGN_STATUS, 1, false, senml.encodeCbor(List.of(
                        SenmlRecord.of(SignReport.STATE, "SHOWN"), SenmlRecord.of(SignReport.LINK, true), SenmlRecord.of(SignReport.ROLE, "hub"),
                        SenmlRecord.of(SignReport.WIDTH, 256), SenmlRecord.of(SignReport.HEIGHT, 128), SenmlRecord.of(SignReport.COLOUR, "TRICOLOUR"),
                        SenmlRecord.text(SignReport.MESSAGE.nameOf(0), "[jp3]晋城高铁东站"))))));
                List<RecordFrame> counts = new ArrayList<>();
                for (LocalDate d = day.minusDays(21); d.isBefore(day); d = d.plusDays(1)) {
                    for (int h = 0; h < 24; h++) {
                        long t = d.atTime(h, 0).atZone(CST).toInstant().toEpochMilli();
                        counts.add(new RecordFrame(++seq, t, HUB + "-l1", RecordKinds.COUNTER_INTERVAL, 2, true, senml.encodeCbor(List.of(
                                SenmlRecord.of(CounterInterval.INTERVAL, 3600), SenmlRecord.of(CounterInterval.COUNT, h >= 7 && h <= 20 ? 900 : 60)))));
                    }
                    if (counts.size() >= 240) {
                        hub.send(counts);
                        counts = new ArrayList<>();
                    }
                }
                hub.send(counts);
                long total = seq;
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(hub.ackedSeqs()).hasSize((int) total));

                Supplier<JsonObject> board = () -> hub.latestCommandText("sign-message").map(t -> new JsonObject(t).getJsonArray("signs").getJsonObject(0))
                        .orElse(null);
                JsonObject plan = api.post("/api/v1/dispatch/plan", new JsonObject().put("day", day.toString()).put("at", day + "T07:00")).json();
                assertThat(plan.getInteger("extras")).isPositive();
                String extra = plan.getJsonArray("notices").stream().map(JsonObject.class::cast).filter(n -> n.getString("site").equals(HUB))
                        .findFirst().orElseThrow().getJsonArray("lines").getJsonObject(0).getString("zh");
                assertThat(extra).startsWith("加开 T01");

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(board.get() == null ? "" : board.get().getString("multi"))
                        .contains("调度通知", "Service notice", extra));
                JsonObject shown = board.get();
                assertThat(shown.getString("sign")).isEqualTo("hsr-board-1");
                assertThat(shown.getString("source")).isEqualTo("bridge/hub-board");
                assertThat(shown.getInteger("priority")).as("the board's own priority, not the notice's").isEqualTo(50);
                String multi = shown.getString("multi");
                assertThat(multi.indexOf("调度通知")).as("extra buses are urgent: first page").isLessThan(multi.indexOf("道路"));
                MessageRenderer renderer = new MessageRenderer(PanelSpec.of(256, 128, ColourScheme.TRICOLOUR, false), fonts());
                assertThat(renderer.render(multi).pages()).as("notice zh/en, road info zh/en; no timetable file here").hasSize(4);
            }
        }
    }
}
