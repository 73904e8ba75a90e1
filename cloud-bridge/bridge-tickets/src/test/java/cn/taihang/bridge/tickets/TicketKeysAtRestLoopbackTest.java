package cn.taihang.bridge.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.BridgeCore;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.wire.sign.SignatureAlgorithm;
import cn.taihang.wire.sign.SigningKey;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.TicketVerifier;
import cn.taihang.wire.ticket.TrustCodec;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ticket keys per algorithm (SM2 beside Ed25519), encrypted at rest, and a clear key of an earlier bridge migrated. */
@Tag("loopback")
class TicketKeysAtRestLoopbackTest {

    private static final HexFormat HEX = HexFormat.of();

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dir;

    /** The database in {@code dir/data}, the signing key file apart from it in {@code dir/secrets}. */
    private BridgeOptions options() {
        return SECURITY.options(dir.resolve("data")).withKeyFile(dir.resolve("secrets").resolve(BridgeOptions.DEFAULT_KEY_FILE_NAME));
    }

    @Test
    void anSm2KeySignsTicketsThatGatewaysVerifyFromTheFormat2Ring() throws Exception {
        try (RunningBridge bridge = BridgeCore.start(options(), List.of(new TicketModule())).toCompletableFuture().get();
             ApiClient api = SECURITY.client(bridge, Scopes.TICKETS_ADMIN, Scopes.TICKETS_SELL);
             TestGateway fleet = new TestGateway(bridge.brokerUrl(), SECURITY.pki().gateway("gw-fleet-listener", "wangmangling"))) {
            assertThat(api.unchecked().post("/api/v1/tickets/keys/rotate?algorithm=rsa", null).status()).isEqualTo(400);
            JsonObject ring = api.post("/api/v1/tickets/keys/rotate?algorithm=sm2", null).json();
            JsonObject active = ring.getJsonArray("keys").stream().map(JsonObject.class::cast).filter(k -> k.getString("state").equals("active"))
                    .findFirst().orElseThrow();
            assertThat(active.getString("algorithm")).isEqualTo("sm2");
            assertThat(active.getInteger("id")).isGreaterThanOrEqualTo(SignatureAlgorithm.SM2_SM3.firstKeyId());
            LocalDate day = TicketOrders.today().plusDays(1);
            String qr = TicketOrders.buy(api, TicketOrders.order("S1", TicketOrders.item("scenic-lishan", day))).getString("qr");

            await().until(() -> fleet.latestCommand("ticket-keyring").isPresent()
                    && new TrustCodec().decodeKeyRing(fleet.latestCommand("ticket-keyring").orElseThrow().body()).version() == ring.getLong("version"));
            KeyRing broadcast = new TrustCodec().decodeKeyRing(fleet.latestCommand("ticket-keyring").orElseThrow().body());
            assertThat(fleet.latestCommand("ticket-keyring").orElseThrow().body()[1]).as("format 2: the ring carries the algorithm").isEqualTo((byte) 2);
            assertThat(new TicketVerifier(broadcast).verify(qr).ticket().keyId()).isEqualTo(active.getInteger("id"));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/bridge.db"));
             ResultSet rows = db.createStatement().executeQuery("SELECT private_key FROM ticket_keys")) {
            while (rows.next()) {
                assertThat(HEX.parseHex(rows.getString(1))).as("no ticket key in clear").hasSize(64);
            }
        }
    }

    @Test
    void aClearKeyOfAnEarlierBridgeIsEncryptedInPlaceAndStillSigns() throws Exception {
        try (RunningBridge bridge = BridgeCore.start(options(), List.of(new TicketModule())).toCompletableFuture().get()) {
            assertThat(bridge.httpPort()).isPositive();
        }
        SigningKey legacy = SigningKey.generate(7, new SecureRandom());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/bridge.db"))) {
            db.createStatement().executeUpdate("UPDATE ticket_keys SET state = 'RETIRED'");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO ticket_keys (id, public_key, private_key, state, created, changed) "
                    + "VALUES (7, ?, ?, 'ACTIVE', 0, 0)")) {
                insert.setString(1, HEX.formatHex(legacy.publicKey()));
                insert.setString(2, HEX.formatHex(legacy.privateKey()));
                insert.executeUpdate();
            }
        }
        try (RunningBridge bridge = BridgeCore.start(options(), List.of(new TicketModule())).toCompletableFuture().get();
             ApiClient api = SECURITY.client(bridge, Scopes.TICKETS_SELL)) {
            String qr = TicketOrders.buy(api, TicketOrders.order("M1", TicketOrders.item("scenic-lishan", TicketOrders.today().plusDays(1)))).getString("qr");
            KeyRing ring = new KeyRing(1, List.of(new KeyRing.Key(7, legacy.publicKey(), KeyRing.KeyState.ACTIVE)));
            assertThat(new TicketVerifier(ring).verify(qr).ticket().keyId()).as("the migrated key still signs").isEqualTo(7);
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/bridge.db"));
             ResultSet row = db.createStatement().executeQuery("SELECT private_key FROM ticket_keys WHERE id = 7")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).doesNotContain(HEX.formatHex(legacy.privateKey())).hasSize(128);
        }
    }
}
