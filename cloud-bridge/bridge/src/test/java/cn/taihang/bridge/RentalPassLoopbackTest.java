package cn.taihang.bridge;

import cn.taihang.bridge.ca.testing.TestPki;
import org.junit.jupiter.api.extension.RegisterExtension;
import cn.taihang.bridge.testing.TestBridges;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RentalPassLoopbackTest {

    @RegisterExtension
    static final TestPki PKI = new TestPki();

    private RunningBridge bridge;
    private ApiClient api;
    private TestGateway fleet;
    private final TrustCodec trust = new TrustCodec();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        bridge = Bridge.start(TestBridges.options(PKI, dir)).toCompletableFuture().get();
        api = new ApiClient(bridge);
        fleet = TestGateway.online(PKI, bridge.brokerUrl(), "gaoping-hsr-east", "gw-fleet-listener");
    }

    @AfterAll
    void stop() throws Exception {
        fleet.close();
        api.close();
        api.close();
        bridge.close();
    }

    private static JsonObject booking(String customer, String from, Instant pickupFrom, String to) {
        return new JsonObject().put("customer", customer)
                .put("pickup", new JsonObject().put("station", from).put("from", pickupFrom.toString()).put("until", pickupFrom.plus(Duration.ofHours(2)).toString()))
                .put("return", new JsonObject().put("station", to).put("from", pickupFrom.plus(Duration.ofDays(2)).toString())
                        .put("until", pickupFrom.plus(Duration.ofDays(2)).plus(Duration.ofHours(9)).toString()));
    }

    private JsonArray passes(String reservation) {
        ApiClient.Answer a = api.post("/api/v1/rental/reservations/" + reservation + "/passes", null);
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
        String id = api.post("/api/v1/rental/reservations", booking("zhao", "jincheng-hsr-east", pickup, "taiyuan-south")).json().getString("id");
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
        JsonObject ticket = api.get("/api/v1/tickets/" + pickupPass.getString("ticketId")).json();
        assertThat(ticket.getString("status")).isEqualTo("valid");
        assertThat(ticket.getJsonArray("entitlements").getJsonObject(0).getString("product")).isEqualTo("rental-pickup:" + id);
        assertThat(ticket.getDouble("price")).isZero();
    }

    @Test
    void oncePickedUpTheReturnPassNamesTheCarAndTheOldOneIsRevoked() throws Exception {
        Instant soon = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        String id = api.post("/api/v1/rental/reservations", booking("qian", "jincheng-east-bus", soon, "gaoping-hsr-east")).json().getString("id");
        JsonArray before = passes(id);
        assertThat(RentalPass.of(verified(before.getJsonObject(1).getString("qrText")).ticket()).car()).isNull();
        String car = api.post("/api/v1/rental/reservations/" + id + "/pickup", null).json().getString("car");

        JsonArray after = passes(id);
        assertThat(after.getJsonObject(1).getString("ticketId")).isNotEqualTo(before.getJsonObject(1).getString("ticketId"));
        assertThat(RentalPass.of(verified(after.getJsonObject(1).getString("qrText")).ticket()).car()).isEqualTo(car);
        String old = before.getJsonObject(1).getString("ticketId");
        assertThat(api.get("/api/v1/tickets/" + old).json().getString("status")).isEqualTo("revoked");
        await().untilAsserted(() -> assertThat(trust.decodeDenyList(fleet.latestCommand("ticket-deny-list").orElseThrow().body()).ids())
                .contains(Long.parseLong(old)));
    }

    @Test
    void theCarALockerHandedOverWinsOverTheCarTheBridgeHeld() throws Exception {
        Instant now = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
        String first = api.post("/api/v1/rental/reservations", booking("sun", "gaoping-hsr-east", now, "gaoping-hsr-east")).json().getString("id");
        String second = api.post("/api/v1/rental/reservations", booking("li", "gaoping-hsr-east", now, "gaoping-hsr-east")).json().getString("id");
        String heldForFirst = api.get("/api/v1/rental/reservations/" + first).json().getString("car");
        String heldForSecond = api.get("/api/v1/rental/reservations/" + second).json().getString("car");
        assertThat(heldForFirst).isNotNull().isNotEqualTo(heldForSecond);

        SenmlCodec senml = new SenmlCodec();
        List<SenmlRecord> values = new ArrayList<>(List.of(SenmlRecord.text("reservation", first), SenmlRecord.text("car", heldForSecond),
                SenmlRecord.number("slot", null, 2)));
        try (TestGateway locker = TestGateway.online(PKI, bridge.brokerUrl(), "gaoping-hsr-east", "gw-gaoping-hsr-east")) {
            locker.send(List.of(new RecordFrame(1, System.currentTimeMillis(), "gaoping-locker-1", "rental.pickup", 0, true, senml.encodeCbor(values))));
            await().untilAsserted(() -> assertThat(api.get("/api/v1/rental/reservations/" + first).json().getString("state")).isEqualTo("active"));
        }
        assertThat(api.get("/api/v1/rental/reservations/" + first).json().getString("car")).isEqualTo(heldForSecond);
        assertThat(api.get("/api/v1/rental/reservations/" + second).json().getString("car")).as("the holds swapped").isEqualTo(heldForFirst);
        JsonArray reserved = api.get("/api/v1/rental/cars?station=gaoping-hsr-east&state=reserved").json().getJsonArray("items");
        assertThat(reserved.stream().map(o -> ((JsonObject) o).getString("id"))).contains(heldForFirst).doesNotContain(heldForSecond);
    }
}
