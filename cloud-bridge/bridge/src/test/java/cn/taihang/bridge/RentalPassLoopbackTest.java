package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.LockerHandover;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.RentalPass;
import cn.taihang.wire.ticket.SignedTicket;
import cn.taihang.wire.ticket.TicketVerifier;
import cn.taihang.wire.ticket.TrustCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ticket service as the rental's pass issuer, on a real bridge (HTTP answers validated against the OpenAPI document,
 * the key ring and deny list from the embedded broker): a reservation's passes verify offline as rental-key tickets for
 * their stations, asking again gives the same passes, a pass naming an old car is replaced and revoked; a key locker's
 * report of the car it handed over wins over the car the bridge held.
 */
@Tag("loopback")
class RentalPassLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        private RunningBridge bridge;
        private ApiClient api;
        private final java.util.Map<String, String> holders = new java.util.concurrent.ConcurrentHashMap<>();
        private TestGateway fleet;
        private final TrustCodec trust = new TrustCodec();

        @BeforeAll
        void start(@TempDir Path dir) throws Exception {
            bridge = Bridge.start(SECURITY.secure(storage.options(dir))).toCompletableFuture().get();
            api = SECURITY.client(bridge, Scopes.RENTAL_DESK, Scopes.TELEMETRY_READ);
            fleet = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "gaoping-hsr-east", "gw-fleet-listener");
        }

        @AfterAll
        void stop() throws Exception {
            fleet.close();
            api.close();
            bridge.close();
        }

        private static JsonObject booking(String customer, String from, Instant pickupFrom, String to) {
            return new JsonObject().put("customer", customer)
                    .put("pickup", new JsonObject().put("station", from).put("from", pickupFrom.toString()).put("until", pickupFrom.plus(Duration.ofHours(2)).toString()))
                    .put("return", new JsonObject().put("station", to).put("from", pickupFrom.plus(Duration.ofDays(2)).toString())
                            .put("until", pickupFrom.plus(Duration.ofDays(2)).plus(Duration.ofHours(9)).toString()));
        }

        /** Books as the rental desk; @return the reservation id (its holder token is kept for {@link #passes}) */
        private String book(JsonObject booking) {
            JsonObject booked = api.post("/api/v1/rental/reservations", booking).json();
            holders.put(booked.getString("id"), booked.getString("holderToken"));
            return booked.getString("id");
        }

        /** @return the passes, asked for by the reservation's holder (the only one who gets the car key) */
        private JsonArray passes(String reservation) {
            assertThat(api.post("/api/v1/rental/reservations/" + reservation + "/passes", null).status()).as("the desk does not get the key").isEqualTo(403);
            ApiClient.Answer a = api.withHolder(holders.get(reservation)).post("/api/v1/rental/reservations/" + reservation + "/passes", null);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            return a.json().getJsonArray("items");
        }

        private SignedTicket verified(String qr) throws Exception {
            await().until(() -> fleet.latestCommand("ticket-keyring").isPresent());
            return new TicketVerifier(trust.decodeKeyRing(fleet.latestCommand("ticket-keyring").orElseThrow().body())).verify(qr);
        }

        @Test
        void aReservationsPassesVerifyAsRentalKeyTicketsForTheirStations() throws Exception {
            Instant pickup = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
            String id = book(booking("zhao", "jincheng-hsr-east", pickup, "taiyuan-south"));
            JsonArray stations = api.get("/api/v1/rental/stations").json().getJsonArray("items");
            assertThat(stations.getJsonObject(0).getInteger("ticketPlace")).isEqualTo(4001);
            assertThat(api.get("/api/v1/rental/reservations/" + id + "/entitlements").json().getJsonArray("items").getJsonObject(1).getInteger("place"))
                    .isEqualTo(4004);

            JsonArray items = passes(id);
            assertThat(items).hasSize(2);
            JsonObject pickupPass = items.getJsonObject(0);
            assertThat(pickupPass.getString("action")).isEqualTo("pickup");
            SignedTicket signed = verified(pickupPass.getString("qrText"));
            assertThat(signed.ticket().idText()).isEqualTo(pickupPass.getString("ticketId"));
            Entitlement e = signed.ticket().entitlements().get(0);
            assertThat(signed.ticket().entitlements()).hasSize(1);
            assertThat(e.kind()).contains(EntitlementKind.RENTAL_KEY);
            assertThat(e.place()).as("Jincheng HSR East's ticket place").isEqualTo(4001);
            assertThat(e.uses()).isEqualTo(1);
            assertThat(e.validFrom()).isEqualTo(pickup.minus(Duration.ofMinutes(30)));
            assertThat(e.validUntil()).isEqualTo(pickup.plus(Duration.ofHours(2)));
            assertThat(RentalPass.of(signed.ticket())).isEqualTo(new RentalPass(RentalPass.Action.PICKUP, id, null));
            SignedTicket back = verified(items.getJsonObject(1).getString("qrText"));
            assertThat(back.ticket().entitlements().get(0).place()).isEqualTo(4004);
            assertThat(RentalPass.of(back.ticket()).action()).isEqualTo(RentalPass.Action.RETURN);

            assertThat(passes(id)).as("asked again: the same passes").isEqualTo(items);
            assertThat(api.get("/api/v1/tickets/" + pickupPass.getString("ticketId")).status()).as("a pass is no ticket anyone else reads").isEqualTo(403);
        }

        @Test
        void oncePickedUpTheReturnPassNamesTheCarAndTheOldOneIsRevoked() throws Exception {
            Instant soon = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
            String id = book(booking("qian", "jincheng-east-bus", soon, "gaoping-hsr-east"));
            JsonArray before = passes(id);
            assertThat(RentalPass.of(verified(before.getJsonObject(1).getString("qrText")).ticket()).car()).isNull();
            String car = api.post("/api/v1/rental/reservations/" + id + "/pickup", null).json().getString("car");

            JsonArray after = passes(id);
            assertThat(after.getJsonObject(1).getString("ticketId")).isNotEqualTo(before.getJsonObject(1).getString("ticketId"));
            assertThat(RentalPass.of(verified(after.getJsonObject(1).getString("qrText")).ticket()).car()).isEqualTo(car);
            String old = before.getJsonObject(1).getString("ticketId");
            assertThat(api.get("/api/v1/tickets/deny-list").json().getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("ticket")))
                    .as("the old pass is revoked").contains(old);
            await().untilAsserted(() -> assertThat(trust.decodeDenyList(fleet.latestCommand("ticket-deny-list").orElseThrow().body()).ids())
                    .contains(Long.parseLong(old)));
        }

        @Test
        void theCarALockerHandedOverWinsOverTheCarTheBridgeHeld() throws Exception {
            Instant now = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
            String first = book(booking("sun", "gaoping-hsr-east", now, "gaoping-hsr-east"));
            String second = book(booking("li", "gaoping-hsr-east", now, "gaoping-hsr-east"));
            String heldForFirst = api.get("/api/v1/rental/reservations/" + first).json().getString("car");
            String heldForSecond = api.get("/api/v1/rental/reservations/" + second).json().getString("car");
            assertThat(heldForFirst).isNotNull().isNotEqualTo(heldForSecond);

            SenmlCodec senml = new SenmlCodec();
            List<SenmlRecord> values = new ArrayList<>(List.of(SenmlRecord.of(LockerHandover.RESERVATION, first), SenmlRecord.of(LockerHandover.CAR, heldForSecond),
                    SenmlRecord.of(LockerHandover.SLOT, 2)));
            try (TestGateway locker = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "gaoping-hsr-east", "gw-gaoping-hsr-east")) {
                locker.send(List.of(new RecordFrame(1, System.currentTimeMillis(), "gaoping-locker-1", RecordKinds.RENTAL_PICKUP, 0, true, senml.encodeCbor(values))));
                await().untilAsserted(() -> assertThat(api.get("/api/v1/rental/reservations/" + first).json().getString("state")).isEqualTo("active"));
            }
            assertThat(api.get("/api/v1/rental/reservations/" + first).json().getString("car")).isEqualTo(heldForSecond);
            assertThat(api.get("/api/v1/rental/reservations/" + second).json().getString("car")).as("the holds swapped").isEqualTo(heldForFirst);
            JsonArray reserved = api.get("/api/v1/rental/cars?station=gaoping-hsr-east&state=reserved").json().getJsonArray("items");
            assertThat(reserved.stream().map(o -> ((JsonObject) o).getString("id"))).contains(heldForFirst).doesNotContain(heldForSecond);
        }
    }
}
