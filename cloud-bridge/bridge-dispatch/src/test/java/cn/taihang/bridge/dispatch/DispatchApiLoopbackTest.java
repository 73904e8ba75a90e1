package cn.taihang.bridge.dispatch;

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

import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.TicketRedemption;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dispatch end to end on the bridge: vehicle counts and ticket scans over real MQTT become hourly flows (exactly
 * once), forecasts with the Golden Week holiday, a day plan with extra departures and its hub notice, and
 * one-key-call rides — every HTTP answer validated against the OpenAPI document.
 */
@Tag("loopback")
class DispatchApiLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        static final ZoneId CST = ZoneId.of("Asia/Shanghai");
        static final LocalDate FIRST = LocalDate.of(2026, 8, 1);
        static final LocalDate LAST = LocalDate.of(2026, 9, 30);
        static final String HUB = "jincheng-hsr-east";
        static final String GW = "gw-jincheng-hsr-east";

        RunningBridge bridge;
        ApiClient api;

        /** Vehicles per hour at the hub: 300 from 08:00 to 17:00, 40 otherwise, 30 % more on weekends, 8 % noise (repeatable). */
        static int vehicles(LocalDate day, int hour) {
            int base = hour >= 8 && hour <= 17 ? 300 : 40;
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            double noise = 1 + 0.16 * (new java.util.SplittableRandom(day.toEpochDay() * 1_000_003L + hour).nextDouble() - 0.5);
            return (int) Math.round((weekend ? base * 1.3 : base) * noise);
        }

        @BeforeAll
        void start(@TempDir Path dir) throws Exception {
            bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of(new DispatchModule())).toCompletableFuture().get();
            api = SECURITY.client(bridge, Scopes.DISPATCH_PLAN, Scopes.TELEMETRY_READ);
            SenmlCodec senml = new SenmlCodec();
            try (TestGateway hub = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), HUB, GW); TestGateway gate = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "fushan", "gw-fushan")) {
                List<RecordFrame> frames = new ArrayList<>();
                long seq = 0;
                for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
                    for (int h = 0; h < 24; h++) {
                        long t = d.atTime(h, 0).atZone(CST).toInstant().toEpochMilli();
                        byte[] body = senml.encodeCbor(List.of(SenmlRecord.of(CounterInterval.INTERVAL, 3600), SenmlRecord.of(CounterInterval.COUNT, vehicles(d, h))));
                        frames.add(new RecordFrame(++seq, t, HUB + "-l1", RecordKinds.COUNTER_INTERVAL, 2, true, body));
                    }
                    if (frames.size() >= 240) {
                        hub.send(frames);
                        frames = new ArrayList<>();
                    }
                }
                hub.send(frames);
                hub.send(List.of(new RecordFrame(1, FIRST.atStartOfDay(CST).toInstant().toEpochMilli(), HUB + "-l1", RecordKinds.COUNTER_INTERVAL, 2, true,
                        senml.encodeCbor(List.of(SenmlRecord.of(CounterInterval.COUNT, 999))))));
                List<RecordFrame> scans = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    long t = LAST.minusDays(i % 14).atTime(9 + i % 8, 15).atZone(CST).toInstant().toEpochMilli();
                    byte[] body = senml.encodeCbor(List.of(SenmlRecord.of(TicketRedemption.TICKET, "T" + i), SenmlRecord.of(TicketRedemption.ENTITLEMENT, 0),
                            SenmlRecord.of(TicketRedemption.PLACE, 12)));
                    scans.add(new RecordFrame(i + 1, t, "gate-1", RecordKinds.TICKET_REDEMPTION, 0, true, body));
                }
                gate.send(scans);
                long total = seq;
                await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(hub.ackedSeqs()).hasSize((int) total);
                    assertThat(gate.ackedSeqs()).hasSize(200);
                });
            }
        }

        @AfterAll
        void stop() {
            api.close();
            bridge.close();
        }

        @Test
        void theForecastKnowsWeekendsAndGoldenWeek() {
            JsonObject monday = api.get("/api/v1/dispatch/forecast?place=" + HUB + "&day=2026-09-28").json();
            assertThat(monday.getString("basis")).isEqualTo("vehicle-counts");
            assertThat(monday.getString("dayKind")).isEqualTo("workday");
            double normal = (300 * 10 + 40 * 14) * 1.6;
            assertThat(monday.getDouble("passengers")).as("a resend of seq 1 was not counted twice").isBetween(normal * 0.97, normal * 1.03);
            assertThat(monday.getJsonArray("hours").getJsonObject(9).getDouble("vehicles")).isBetween(290.0, 310.0);
            JsonObject oct2 = api.get("/api/v1/dispatch/forecast?place=" + HUB + "&day=2026-10-02").json();
            assertThat(oct2.getString("dayKind")).isEqualTo("holiday");
            assertThat(oct2.getString("holiday")).isEqualTo("national-day");
            assertThat(oct2.getDouble("passengers")).isGreaterThan(1.8 * normal);
            JsonObject scenic = api.get("/api/v1/dispatch/forecast?place=fushan&day=2026-10-01").json();
            assertThat(scenic.getString("basis")).isEqualTo("ticket-scans");
            JsonObject accuracy = api.get("/api/v1/dispatch/accuracy?place=" + HUB + "&from=2026-09-07&to=2026-09-13").json();
            assertThat(accuracy.getInteger("days")).isEqualTo(7);
            assertThat(accuracy.getDouble("mase")).isLessThan(1.0);
        }

        /** The notice reaching the hub signs' boards is the assembled bridge's {@code HubNoticeSignLoopbackTest}'s; here the plan names it. */
        @Test
        void aGoldenWeekPlanAddsDeparturesAndComposesTheHubNotice() {
            JsonObject plan = api.post("/api/v1/dispatch/plan", new JsonObject().put("day", "2026-10-02").put("at", "2026-10-02T07:00")).json();
            assertThat(plan.getInteger("extras")).isPositive();
            JsonArray departures = plan.getJsonArray("departures");
            assertThat(departures.stream().map(JsonObject.class::cast).filter(d -> d.getBoolean("extra")).map(d -> d.getString("line")))
                    .contains("t01").allSatisfy(line -> assertThat(line).isNotEqualTo("t-new-1"));
            assertThat(departures.stream().map(JsonObject.class::cast).filter(d -> !d.getBoolean("extra")))
                    .allSatisfy(d -> assertThat(d.getDouble("forecastLoad")).isLessThanOrEqualTo(0.9 * d.getInteger("capacity") + 0.1));
            JsonObject notice = plan.getJsonArray("notices").stream().map(JsonObject.class::cast).filter(n -> n.getString("site").equals(HUB))
                    .findFirst().orElseThrow();
            assertThat(notice.getJsonArray("lines").getJsonObject(0).getString("zh")).startsWith("加开 T01");
            assertThat(notice.getJsonArray("lines").getJsonObject(0).getString("en")).startsWith("Extra bus T01");
            assertThat(notice.getInteger("priority")).isEqualTo(50);
            JsonObject again = api.post("/api/v1/dispatch/plan", new JsonObject().put("day", "2026-10-02").put("at", "2026-10-02T07:00")).json();
            assertThat(again.getJsonArray("notices").stream().map(JsonObject.class::cast).map(n -> n.getString("site"))).doesNotContain(HUB);
            JsonObject stored = api.get("/api/v1/dispatch/departures?day=2026-10-02&line=t01").json();
            assertThat(stored.getBoolean("stored")).isTrue();
            assertThat(stored.getJsonArray("departures").stream().map(JsonObject.class::cast).filter(d -> d.getBoolean("extra"))).isNotEmpty();
        }

        @Test
        void oneKeyCallsGetTheNearestFreeVehicleOrWait() {
            JsonObject first = api.post("/api/v1/dispatch/rides", new JsonObject().put("hub", "gaoping-hsr-east").put("passengers", 3)).json();
            assertThat(first.getString("state")).isEqualTo("assigned");
            assertThat(first.getString("vehicle")).isIn("v10", "v11", "v12");
            Set<String> taken = new HashSet<>(List.of(first.getString("vehicle")));
            List<JsonObject> rides = new ArrayList<>(List.of(first));
            for (int i = 1; i < 16; i++) {
                JsonObject r = api.post("/api/v1/dispatch/rides", new JsonObject().put("hub", "gaoping-hsr-east")).json();
                assertThat(r.getString("state")).isEqualTo("assigned");
                assertThat(taken.add(r.getString("vehicle"))).as("a vehicle is never sent twice").isTrue();
                rides.add(r);
            }
            assertThat(rides.subList(1, 3)).extracting(r -> r.getString("vehicle")).allSatisfy(v -> assertThat(v).isIn("v10", "v11", "v12"));
            JsonObject waiting = api.post("/api/v1/dispatch/rides", new JsonObject().put("hub", HUB)).json();
            assertThat(waiting.getString("state")).isEqualTo("waiting");
            JsonObject done = api.post("/api/v1/dispatch/rides/" + first.getString("id") + "/complete", new JsonObject().put("lat", 35.52).put("lon", 112.91)).json();
            assertThat(done.getString("state")).isEqualTo("completed");
            JsonObject now = api.get("/api/v1/dispatch/rides/" + waiting.getString("id")).json();
            assertThat(now.getString("state")).isEqualTo("assigned");
            assertThat(now.getString("vehicle")).isEqualTo(first.getString("vehicle"));
            assertThat(api.post("/api/v1/dispatch/rides/" + first.getString("id") + "/complete", new JsonObject().put("lat", 35.5).put("lon", 112.9)).status())
                    .isEqualTo(409);
            assertThat(api.get("/api/v1/dispatch/vehicles").json().getJsonArray("items")).hasSize(16);
        }

        @Test
        void badInputGetsProblemsThatSayWhatToChange() {
            assertThat(api.get("/api/v1/dispatch/forecast?place=atlantis").status()).isEqualTo(400);
            assertThat(api.get("/api/v1/dispatch/forecast?place=" + HUB + "&day=soon").json().getString("detail")).contains("date like");
            assertThat(api.get("/api/v1/dispatch/accuracy?place=" + HUB + "&from=2026-09-20&to=2026-09-01").status()).isEqualTo(400);
            assertThat(api.post("/api/v1/dispatch/rides", new JsonObject().put("hub", HUB).put("passengers", 9)).status()).isEqualTo(400);
            assertThat(api.post("/api/v1/dispatch/rides", new JsonObject().put("hub", "fushan")).json().getString("detail")).contains("hubs");
            assertThat(api.post("/api/v1/dispatch/rides", new JsonObject()).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/dispatch/rides/K-NONE").status()).isEqualTo(404);
            assertThat(api.post("/api/v1/dispatch/plan", new JsonObject().put("day", "2026-10-02").put("at", "7 o'clock")).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/dispatch/departures?day=2026-10-02&line=zz9").status()).isEqualTo(400);
            assertThat(api.get("/api/v1/dispatch/places").json().getJsonArray("items")).hasSize(23);
        }
    }
}
