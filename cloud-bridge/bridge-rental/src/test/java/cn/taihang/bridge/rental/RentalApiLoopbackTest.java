package cn.taihang.bridge.rental;

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
import java.time.Clock;
import cn.taihang.bridge.testing.TestGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.LockerHandover;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The rental routes over real HTTP, every answer validated against the OpenAPI document; locker records over real MQTT. */
@Tag("loopback")
class RentalApiLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        static final ZoneId CST = ZoneId.of("Asia/Shanghai");
        static final LocalDate DAY = LocalDate.now(CST).plusDays(3);

        RunningBridge bridge;
        ApiClient api;

        @BeforeAll
        void start(@TempDir Path dir) throws Exception {
            bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of(new RentalModule(Clock.systemUTC(), ctx -> TestPasses.ISSUER))).toCompletableFuture().get();
            api = SECURITY.client(bridge, Scopes.RENTAL_DESK, Scopes.TELEMETRY_READ);
        }

        @AfterAll
        void stop() {
            api.close();
            bridge.close();
        }

        static String at(int dayOffset, int hour) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(DAY.plusDays(dayOffset).atTime(hour, 0, 0).atZone(CST));
        }

        static JsonObject booking(String customer, String from, int day, String to, int returnDay) {
            return new JsonObject().put("customer", customer)
                    .put("pickup", new JsonObject().put("station", from).put("from", at(day, 9)).put("until", at(day, 11)))
                    .put("return", new JsonObject().put("station", to).put("from", at(returnDay, 9)).put("until", at(returnDay, 18)));
        }

        /** 40 requests in flight at once for Gaoping HSR East's 8 cars: exactly 8 bookings, 32 refusals, nothing promised twice. */
        @Test
        void concurrentHttpBookingsNeverDoubleBook() {
            List<CompletableFuture<ApiClient.Answer>> inFlight = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                inFlight.add(api.postAsync("/api/v1/rental/reservations", booking("web-" + i, "gaoping-hsr-east", 0, "zhengzhou-east", 2)));
            }
            List<ApiClient.Answer> answers = inFlight.stream().map(CompletableFuture::join).toList();
            assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(8);
            assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(32)
                    .allSatisfy(a -> assertThat(a.json().getString("reason")).isEqualTo("no-car-available"));
            assertThat(api.get("/api/v1/rental/availability?station=gaoping-hsr-east&pickupFrom=" + at(0, 8).replace("+", "%2B")).json().getInteger("available"))
                    .isZero();
            assertThat(api.get("/api/v1/rental/availability?station=gaoping-hsr-east&pickupFrom=" + at(5, 8).replace("+", "%2B")).json().getInteger("available"))
                    .isZero();
        }

        @Test
        void aOneWayRentalThroughTheApiAndTheKeyLockerRecords() throws Exception {
            JsonObject quote = api.get("/api/v1/rental/quote?pickupStation=jincheng-hsr-east&returnStation=taiyuan-south&pickupFrom="
                    + at(0, 9).replace("+", "%2B") + "&returnUntil=" + at(2, 18).replace("+", "%2B")).json();
            assertThat(quote.getLong("oneWayFeeFen")).isEqualTo(30000);
            ApiClient.Answer booked = api.post("/api/v1/rental/reservations", booking("wang", "jincheng-hsr-east", 0, "taiyuan-south", 2));
            assertThat(booked.status()).isEqualTo(201);
            String id = booked.json().getString("id");
            assertThat(booked.json().getLong("feeFen")).isEqualTo(quote.getLong("totalFen"));
            JsonObject entitlements = api.get("/api/v1/rental/reservations/" + id + "/entitlements").json();
            assertThat(entitlements.getJsonArray("items")).hasSize(2);
            assertThat(entitlements.getJsonArray("items").getJsonObject(0).getString("lockerSite")).isEqualTo("jincheng-hsr-east");
            assertThat(entitlements.getJsonArray("items").getJsonObject(1).getString("station")).isEqualTo("taiyuan-south");

            try (TestGateway locker = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "jincheng-hsr-east", "gw-jincheng-hsr-east")) {
                RecordFrame pickup = lockerRecord(1, RecordKinds.RENTAL_PICKUP, id);
                locker.send(List.of(pickup));
                locker.send(List.of(pickup));
                await().untilAsserted(() -> assertThat(api.get("/api/v1/rental/reservations/" + id).json().getString("state")).isEqualTo("active"));
                String car = api.get("/api/v1/rental/reservations/" + id).json().getString("car");
                assertThat(api.get("/api/v1/rental/cars?state=rented").json().getJsonArray("items").stream()
                        .map(o -> ((JsonObject) o).getString("id"))).containsExactly(car);
                locker.send(List.of(lockerRecord(2, RecordKinds.RENTAL_RETURN, id), lockerRecord(3, RecordKinds.RENTAL_RETURN, "R-NO-SUCH")));
                await().untilAsserted(() -> assertThat(api.get("/api/v1/rental/reservations/" + id).json().getString("state")).isEqualTo("returned"));
                await().untilAsserted(() -> assertThat(locker.ackedSeqs()).contains(1L, 2L, 3L));
                assertThat(api.get("/api/v1/rental/cars?station=taiyuan-south&state=available").json().getJsonArray("items").stream()
                        .map(o -> ((JsonObject) o).getString("id"))).contains(car);
            }
            assertThat(api.post("/api/v1/rental/reservations/" + id + "/return", null).status()).isEqualTo(409);
            assertThat(api.withHolder(booked.json().getString("holderToken")).post("/api/v1/rental/reservations/" + id + "/passes", null).json()
                    .getString("reason")).as("returned: no more passes")
                    .isEqualTo("not-confirmed");
        }

        /**
         * The pickup station's gateway was offline: the return at the other city's station arrives first, in its own
         * batch. It is held (not refused), and when the pickup's batch arrives the rental starts and ends with the
         * times the lockers reported, the car standing at the return station.
         */
        @Test
        void aReturnArrivingBeforeItsPickupIsHeldAndAppliedWhenThePickupArrives() throws Exception {
            String id = api.post("/api/v1/rental/reservations", booking("zhou", "jincheng-hsr-east", 0, "taiyuan-south", 2)).json().getString("id");
            long pickedUp = System.currentTimeMillis() - 3_600_000;
            try (TestGateway returnStation = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "taiyuan-south", "gw-taiyuan-south");
                 TestGateway pickupStation = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "jincheng-hsr-east", "gw-jincheng-hsr-east-2")) {
                returnStation.send(List.of(lockerRecord(11, RecordKinds.RENTAL_RETURN, id, pickedUp + 1_800_000, "car-019")));
                await().untilAsserted(() -> assertThat(returnStation.ackedSeqs()).contains(11L));
                assertThat(api.get("/api/v1/rental/reservations/" + id).json().getString("state")).as("held, not refused").isEqualTo("confirmed");
                pickupStation.send(List.of(lockerRecord(7, RecordKinds.RENTAL_PICKUP, id, pickedUp, "car-019")));
                await().untilAsserted(() -> assertThat(api.get("/api/v1/rental/reservations/" + id).json().getString("state")).isEqualTo("returned"));
            }
            assertThat(api.get("/api/v1/rental/reservations/" + id).json().getString("car")).isEqualTo("car-019");
            assertThat(api.get("/api/v1/rental/cars?station=taiyuan-south&state=available").json().getJsonArray("items").stream()
                    .map(o -> ((JsonObject) o).getString("id"))).contains("car-019");
            try (java.sql.Connection db = storage.connect(bridge); java.sql.ResultSet rows = db.createStatement().executeQuery(
                    "SELECT outcome FROM rental_locker_events WHERE reservation = '" + id + "' ORDER BY time_ms")) {
                List<String> outcomes = new ArrayList<>();
                while (rows.next()) {
                    outcomes.add(rows.getString(1));
                }
                assertThat(outcomes).containsExactly("picked-up", "returned after its pickup arrived");
            }
        }

        @Test
        void deskOperationsCarsAndRebalancingAnswerAsDocumented() {
            String id = api.post("/api/v1/rental/reservations", booking("li", "changzhi-east", 1, "changzhi-east", 2)).json().getString("id");
            assertThat(api.post("/api/v1/rental/reservations/" + id + "/pickup", null).json().getString("reason")).isEqualTo("too-early");
            assertThat(api.post("/api/v1/rental/reservations/" + id + "/cancel", null).json().getString("state")).isEqualTo("cancelled");
            assertThat(api.get("/api/v1/rental/reservations/R-UNKNOWN").status()).isEqualTo(404);
            assertThat(api.post("/api/v1/rental/cars/car-060/state", new JsonObject().put("state", "maintenance")).json().getString("state"))
                    .isEqualTo("maintenance");
            assertThat(api.post("/api/v1/rental/cars/car-060/state", new JsonObject().put("state", "rented")).status()).isEqualTo(400);
            assertThat(api.post("/api/v1/rental/cars/car-060/state", new JsonObject().put("state", "available")).json().getString("state"))
                    .isEqualTo("available");
            assertThat(api.post("/api/v1/rental/cars/car-060/arrive", null).status()).isEqualTo(409);
            assertThat(api.get("/api/v1/rental/stations").json().getJsonArray("items")).hasSize(8);
            JsonObject plan = api.get("/api/v1/rental/rebalancing?day=" + DAY.plusDays(1)).json();
            assertThat(plan.getJsonArray("stations")).hasSize(8);
            assertThat(plan.getJsonObject("plan").getString("method")).isEqualTo("min-cost-flow");
            assertThat(api.post("/api/v1/rental/rebalancing", new JsonObject().put("day", DAY.plusDays(1).toString())).json().getBoolean("committed")).isTrue();
            assertThat(api.get("/api/v1/rental/rebalancing?day=2020-01-01").status()).isEqualTo(400);
        }

        @Test
        void malformedRequestsGetProblemsThatSayWhatToChange() {
            assertThat(api.post("/api/v1/rental/reservations", new JsonObject().put("customer", "x")).json().getString("detail")).contains("pickup.from");
            assertThat(api.post("/api/v1/rental/reservations", booking("x", "jincheng-hsr-east", 0, "taiyuan-south", 2).put("customer", 42)).status())
                    .isEqualTo(400);
            JsonObject badTime = booking("x", "jincheng-hsr-east", 0, "taiyuan-south", 2);
            badTime.getJsonObject("pickup").put("from", "tomorrow morning");
            assertThat(api.post("/api/v1/rental/reservations", badTime).json().getString("detail")).contains("ISO-8601");
            assertThat(api.get("/api/v1/rental/availability?station=moon-base&pickupFrom=" + at(0, 9).replace("+", "%2B")).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/rental/cars?state=flying").status()).isEqualTo(400);
        }

        @Test
        void anOversizedBodyIsRefusedBeforeParsing() throws Exception {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(ApiClient.trusting(bridge.caCertificates())).build();
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(bridge.httpUrl() + "/api/v1/rental/reservations"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject().put("customer", "x".repeat(20_000)).encode()));
            assertThat(client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).as("no token: refused before the body")
                    .isEqualTo(401);
            request.header("Authorization", "Bearer " + SECURITY.token(Scopes.RENTAL_DESK));
            assertThat(client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        }

        static RecordFrame lockerRecord(long seq, String kind, String reservation) {
            byte[] body = new SenmlCodec().encodeCbor(List.of(SenmlRecord.of(LockerHandover.RESERVATION, reservation), SenmlRecord.flag("door-closed", true)));
            return new RecordFrame(seq, System.currentTimeMillis(), "locker-1", kind, 0, false, body);
        }

        static RecordFrame lockerRecord(long seq, String kind, String reservation, long doorClosedMillis, String car) {
            byte[] body = new SenmlCodec().encodeCbor(List.of(SenmlRecord.of(LockerHandover.RESERVATION, reservation), SenmlRecord.of(LockerHandover.CAR, car)));
            return new RecordFrame(seq, doorClosedMillis, "locker-1", kind, 0, true, body);
        }
    }
}
