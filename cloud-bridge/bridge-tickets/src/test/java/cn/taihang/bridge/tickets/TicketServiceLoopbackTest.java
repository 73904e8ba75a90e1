package cn.taihang.bridge.tickets;

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

import cn.taihang.wire.Command;
import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.SignedTicket;
import cn.taihang.wire.ticket.TicketException;
import cn.taihang.wire.ticket.TicketVerifier;
import cn.taihang.wire.ticket.TrustCodec;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The ticket service against a real bridge: HTTP on 127.0.0.1, SQLite, the embedded broker for the fleet commands. */
@Tag("loopback")
class TicketServiceLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        private final TrustCodec codec = new TrustCodec();
        private RunningBridge bridge;
        private ApiClient api;
        private TestGateway fleet;

        @BeforeAll
        void start(@TempDir Path dir) throws Exception {
            bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of(new TicketModule())).toCompletableFuture().get();
            api = SECURITY.client(bridge, Scopes.TICKETS_SELL, Scopes.TICKETS_ADMIN, Scopes.TELEMETRY_READ);
            fleet = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "wangmangling", "gw-fleet-listener");
        }

        @AfterAll
        void stop() throws Exception {
            fleet.close();
            api.close();
            bridge.close();
        }

        private KeyRing ringFromTheBroker() throws Exception {
            await().until(() -> fleet.latestCommand("ticket-keyring").isPresent());
            return codec.decodeKeyRing(fleet.latestCommand("ticket-keyring").orElseThrow().body());
        }

        @Test
        void theCatalogueHasEveryLineAreaAndLodgingWithUniquePlaceCodes() {
            JsonArray products = api.get("/api/v1/tickets/catalogue").json().getJsonArray("products");
            List<JsonObject> all = products.stream().map(JsonObject.class::cast).toList();
            assertThat(all.stream().filter(p -> p.getString("kind").equals("bus"))).hasSize(38);
            assertThat(all.stream().filter(p -> p.getString("kind").equals("scenic"))).hasSize(15);
            assertThat(all.stream().filter(p -> p.getString("kind").equals("lodging"))).isNotEmpty();
            assertThat(all.stream().map(p -> p.getInteger("place")).distinct()).hasSize(all.size());
            assertThat(all).anySatisfy(p -> assertThat(p.getString("id")).isEqualTo("scenic-wangmangling"));
        }

        @Test
        void anOrderIssuesASignedThreeEntitlementTicketThatTheGatewaysKeyRingVerifies() throws Exception {
            LocalDate day = TicketOrders.today().plusDays(3);
            JsonObject ticket = TicketOrders.buy(api, TicketOrders.order("G12345678", TicketOrders.item("bus-t01", day), TicketOrders.item("scenic-wangmangling", day),
                    TicketOrders.item("lodging-wangmangling-inn", day).put("nights", 2)));
            assertThat(ticket.getString("status")).isEqualTo("valid");
            assertThat(ticket.getString("holderRef")).hasSize(16).doesNotContain("G12345678");
            assertThat(ticket.getDouble("price")).isEqualTo(15 + 80 + 2 * 280.0);
            SignedTicket signed = new TicketVerifier(ringFromTheBroker()).verify(ticket.getString("qr"));
            assertThat(signed.ticket().idText()).isEqualTo(ticket.getString("id"));
            assertThat(signed.ticket().entitlements()).extracting(e -> e.kind().orElseThrow())
                    .containsExactly(EntitlementKind.BUS_RIDE, EntitlementKind.SCENIC_ENTRY, EntitlementKind.LODGING_STAY);
            assertThat(signed.ticket().entitlements().get(1).place()).isEqualTo(2001);
            assertThat(signed.ticket().entitlements().get(2).validUntil().toString())
                    .isEqualTo(day.plusDays(2).atTime(12, 0).atZone(TicketOrders.ZONE).toInstant().toString());
            ApiClient holder = api.withHolder(ticket.getString("holderToken"));
            JsonObject again = holder.get("/api/v1/tickets/" + ticket.getString("id")).json();
            assertThat(again.getString("qr")).isEqualTo(ticket.getString("qr"));
            assertThat(again.containsKey("holderToken")).as("the capability is given out once, at the order").isFalse();
            assertThat(holder.get("/api/v1/tickets/123").status()).isEqualTo(404);
            assertThat(holder.get("/api/v1/tickets/not-a-number").status()).isEqualTo(404);
            assertThat(api.get("/api/v1/tickets/" + ticket.getString("id")).status()).as("a ticket office token does not show a tourist's ticket").isEqualTo(403);
        }

        @Test
        void theQrCodePngDecodesToTheTicketText() throws Exception {
            JsonObject ticket = TicketOrders.buy(api, TicketOrders.order("P998877", TicketOrders.item("bus-t-new-1", TicketOrders.today()),
                    TicketOrders.item("scenic-zhanghe", TicketOrders.today()), TicketOrders.item("lodging-zhanghe-resort", TicketOrders.today())));
            assertThat(api.get(ticket.getString("qrPng")).status()).as("only the holder gets the QR code").isEqualTo(403);
            ApiClient.Answer png = api.withHolder(ticket.getString("holderToken")).get(ticket.getString("qrPng"));
            assertThat(png.status()).isEqualTo(200);
            assertThat(png.contentType()).isEqualTo("image/png");
            var image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                    java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            assertThat(text).isEqualTo(ticket.getString("qr"));
        }

        @Test
        void concurrentOrdersNeverOversell() throws Exception {
            LocalDate day = TicketOrders.today().plusDays(10);
            int capacity = 25;
            List<CompletableFuture<ApiClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                answers.add(api.postAsync("/api/v1/tickets/orders", TicketOrders.order("H" + i, TicketOrders.item("bus-t03", day),
                        TicketOrders.item("lodging-xiyagou-homestay", day))));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(ApiClient.Answer::status).toList();
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(capacity);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(60 - capacity);
            ApiClient.Answer refused = answers.stream().map(CompletableFuture::join).filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getString("detail")).contains("lodging-xiyagou-homestay is sold out on " + day);
            assertThat(api.post("/api/v1/tickets/orders", TicketOrders.order("late", TicketOrders.item("bus-t03", day))).status())
                    .as("a refused order took nothing: its bus seat is still there").isEqualTo(201);
        }

        @Test
        void badOrdersAreRefusedNamingTheField() {
            LocalDate today = TicketOrders.today();
            assertThat(api.post("/api/v1/tickets/orders", TicketOrders.order("x", TicketOrders.item("bus-t99", today))).json().getString("parameter"))
                    .isEqualTo("items[0].product");
            assertThat(api.post("/api/v1/tickets/orders", TicketOrders.order("x", TicketOrders.item("bus-t01", today.minusDays(1)))).json().getString("parameter"))
                    .isEqualTo("items[0].date");
            assertThat(api.post("/api/v1/tickets/orders", TicketOrders.order("x", TicketOrders.item("bus-t01", today).put("nights", 2))).json()
                    .getString("parameter")).isEqualTo("items[0].nights");
            assertThat(api.post("/api/v1/tickets/orders", new JsonObject().put("items", new JsonArray())).json().getString("parameter")).isEqualTo("holder");
            assertThat(api.post("/api/v1/tickets/orders", TicketOrders.order("x")).status()).isEqualTo(400);
            JsonObject nine = TicketOrders.order("x");
            for (int i = 0; i < 9; i++) {
                nine.getJsonArray("items").add(TicketOrders.item("bus-t01", today));
            }
            assertThat(api.post("/api/v1/tickets/orders", nine).json().getString("parameter")).isEqualTo("items");
            assertThat(api.post("/api/v1/tickets/orders", null).status()).isEqualTo(400);
        }

        @Test
        void aRefundGivesTheCapacityBackAndPutsTheTicketOnTheDenyListEveryGatewayGets() throws Exception {
            LocalDate day = TicketOrders.today().plusDays(20);
            JsonObject ticket = TicketOrders.buy(api, TicketOrders.order("R1", TicketOrders.item("lodging-manghe-homestay", day).put("nights", 3)));
            for (int i = 0; i < 29; i++) {
                TicketOrders.buy(api, TicketOrders.order("R-other-" + i, TicketOrders.item("lodging-manghe-homestay", day)));
            }
            assertThat(api.post("/api/v1/tickets/orders", TicketOrders.order("R-late", TicketOrders.item("lodging-manghe-homestay", day))).status()).isEqualTo(409);
            JsonObject refunded = api.post("/api/v1/tickets/" + ticket.getString("id") + "/refund", null).json();
            assertThat(refunded.getString("status")).isEqualTo("refunded");
            assertThat(api.post("/api/v1/tickets/orders", TicketOrders.order("R-late", TicketOrders.item("lodging-manghe-homestay", day))).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/tickets/" + ticket.getString("id") + "/refund", null).status()).isEqualTo(409);

            long id = Long.parseLong(ticket.getString("id"));
            await().untilAsserted(() -> {
                Optional<Command> command = fleet.latestCommand("ticket-deny-list");
                assertThat(command).as("a deny list pushed to the fleet").isPresent();
                DenyList list = codec.decodeDenyList(command.get().body());
                assertThat(list.ids()).contains(id);
            });
            JsonObject denyList = api.get("/api/v1/tickets/deny-list").json();
            assertThat(denyList.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("ticket"))).contains(ticket.getString("id"));
        }

        @Test
        void rotationSignsNewTicketsWithTheNewKeyAndWithdrawalVoidsTheOldKeysTickets() throws Exception {
            LocalDate day = TicketOrders.today().plusDays(1);
            String before = TicketOrders.buy(api, TicketOrders.order("K1", TicketOrders.item("scenic-lishan", day))).getString("qr");
            JsonObject oldRing = api.get("/api/v1/tickets/keys").json();
            JsonObject rotated = api.post("/api/v1/tickets/keys/rotate", null).json();
            assertThat(rotated.getLong("version")).isGreaterThan(oldRing.getLong("version"));
            String after = TicketOrders.buy(api, TicketOrders.order("K2", TicketOrders.item("scenic-lishan", day))).getString("qr");

            await().until(() -> ringFromTheBroker().version() == rotated.getLong("version"));
            TicketVerifier gateway = new TicketVerifier(ringFromTheBroker());
            int oldKey = gateway.verify(before).ticket().keyId();
            int newKey = gateway.verify(after).ticket().keyId();
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(gateway.ring().key(oldKey).orElseThrow().state()).isEqualTo(KeyRing.KeyState.RETIRED);

            JsonObject withdrawn = api.post("/api/v1/tickets/keys/" + oldKey + "/withdraw", null).json();
            assertThat(withdrawn.getJsonArray("keys").stream().map(JsonObject.class::cast).filter(k -> k.getInteger("id") == oldKey)
                    .map(k -> k.getString("state"))).containsExactly("withdrawn");
            await().until(() -> ringFromTheBroker().version() == withdrawn.getLong("version"));
            TicketVerifier updated = new TicketVerifier(ringFromTheBroker());
            assertThat(updated.verify(after).ticket().keyId()).isEqualTo(newKey);
            try {
                updated.verify(before);
                throw new AssertionError("a ticket of a withdrawn key verified");
            } catch (TicketException e) {
                assertThat(e.reason()).isEqualTo(TicketException.Reason.KEY_WITHDRAWN);
            }
            assertThat(api.post("/api/v1/tickets/keys/" + oldKey + "/withdraw", null).status()).isEqualTo(404);
        }
    }
}
