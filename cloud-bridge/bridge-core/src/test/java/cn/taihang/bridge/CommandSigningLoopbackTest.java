package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.CapturedCommands;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.wire.Command;
import cn.taihang.wire.SignedCommand;
import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.command.CommandKeyRotation;
import cn.taihang.wire.command.CommandVerifier;
import cn.taihang.wire.sign.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the bridge sends is signed by its command key, addressed, and verifies against the anchor it exports;
 * secret bodies are sealed to the gateway; a rotation is a signed fleet command naming the next key; keys are
 * encrypted at rest and survive a restart.
 */
@Tag("loopback")
class CommandSigningLoopbackTest {

    private static final String SITE = "jincheng-hsr-east";
    private static final String GATEWAY = "gw-hsr-east-1";
    private static final String PSK = "c2VjcmV0LXBzay0xMjM0NTY3OA==";

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dir;

    /** The database in {@code dir/data}, the signing key file apart from it in {@code dir/secrets}. */
    private BridgeOptions options() {
        return SECURITY.options(dir.resolve("data")).withKeyFile(dir.resolve("secrets").resolve(BridgeOptions.DEFAULT_KEY_FILE_NAME));
    }

    @Test
    void commandsAreSignedAddressedAndVerifyAgainstTheExportedAnchor() throws Exception {
        CapturedCommands module = new CapturedCommands();
        try (RunningBridge bridge = BridgeCore.start(options(), List.of(module)).toCompletableFuture().get();
             TestGateway gw = new TestGateway(bridge.brokerUrl(), SECURITY.pki().gateway(GATEWAY, SITE))) {
            bridge.exportCommandAnchor(dir.resolve("gateway-identity"));
            CommandAnchor anchor = CommandAnchor.read(dir.resolve("gateway-identity")).orElseThrow();
            assertThat(anchor.current().algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
            long one = module.commands().send(SITE, GATEWAY, "sign-message", "{\"v\":1}".getBytes(StandardCharsets.UTF_8), false, 60_000)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long all = module.commands().broadcast("ticket-keyring", new byte[] {1, 2}, true, 0).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            await().until(() -> gw.commands().size() == 2);
            CommandVerifier verifier = new CommandVerifier(GATEWAY, 60_000);
            for (SignedCommand signed : gw.signedCommands()) {
                verifier.authenticate(signed, anchor);
                verifier.checkTime(signed.command(), System.currentTimeMillis());
            }
            Command mine = gw.latestCommand("sign-message").orElseThrow();
            assertThat(mine.id()).isEqualTo(one);
            assertThat(mine.target()).isEqualTo(GATEWAY);
            verifier.checkAddress(mine, "sign-message", false);
            Command fleet = gw.latestCommand("ticket-keyring").orElseThrow();
            assertThat(fleet.id()).isEqualTo(all);
            verifier.checkAddress(fleet, "ticket-keyring", true);
            try (ApiClient api = SECURITY.client(bridge, Scopes.FLEET_ADMIN)) {
                assertThat(api.json("/api/v1/command-keys").getJsonArray("keys").getJsonObject(0).getInteger("id")).isEqualTo(anchor.current().keyId());
                assertThat(api.withToken(SECURITY.token(Scopes.TELEMETRY_READ)).unchecked().get("/api/v1/command-keys").status())
                        .as("the command keys are the fleet administrators'").isEqualTo(403);
            }
        }
    }

    @Test
    void aSealedCommandOpensOnlyForItsGatewayAndTheBrokerSeesNoKeyInClear() throws Exception {
        CapturedCommands module = new CapturedCommands();
        try (RunningBridge bridge = BridgeCore.start(options(), List.of(module)).toCompletableFuture().get();
             TestGateway gw = new TestGateway(bridge.brokerUrl(), SECURITY.pki().gateway(GATEWAY, SITE));
             TestGateway eavesdropper = new TestGateway(bridge.brokerUrl(), SECURITY.pki().gateway("gw-curious", SITE));
             ApiClient api = SECURITY.client(bridge, Scopes.TELEMETRY_READ)) {
            byte[] keys = ("{\"version\":3,\"sensors\":[{\"identity\":\"vis-1\",\"sensor\":\"vis-1\",\"key\":\"" + PSK + "\"}]}").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> module.commands().sendSealed(SITE, GATEWAY, "sensor-keys", keys, true, 0).toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).hasMessageContaining("has not announced a sealing key");

            gw.birth(1);
            await().untilAsserted(() -> assertThat(api.json("/api/v1/gateways").getJsonArray("items")).hasSize(1));
            module.commands().sendSealed(SITE, GATEWAY, "sensor-keys", keys, true, 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            await().until(() -> gw.latestCommand("sensor-keys").isPresent());
            Command sealed = gw.latestCommand("sensor-keys").orElseThrow();
            assertThat(sealed.sealed()).isTrue();
            assertThat(gw.latestCommandText("sensor-keys")).contains(new String(keys, StandardCharsets.UTF_8));
            for (SignedCommand delivered : gw.signedCommands()) {
                assertThat(new String(delivered.signedBytes(), StandardCharsets.ISO_8859_1)).as("what the broker relayed")
                        .doesNotContain(PSK, "vis-1", "sensors");
            }
            assertThatThrownBy(() -> eavesdropper.body(sealed)).hasMessageContaining("does not open");
        }
    }

    @Test
    void aRotationIsSignedByTheOldKeyNamesTheNextAndSurvivesARestartWithKeysEncryptedAtRest() throws Exception {
        CommandAnchor before;
        CommandAnchor after;
        CapturedCommands module = new CapturedCommands();
        try (RunningBridge bridge = BridgeCore.start(options(), List.of(module)).toCompletableFuture().get();
             TestGateway gw = new TestGateway(bridge.brokerUrl(), SECURITY.pki().gateway(GATEWAY, SITE))) {
            before = bridge.commandAnchor();
            after = bridge.rotateCommandKey(SignatureAlgorithm.SM2_SM3).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(after.current().algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
            assertThat(after.current().keyId()).isEqualTo(32769);
            assertThat(after.previous()).isEqualTo(before.current());
            module.commands().broadcast("ticket-deny-list", new byte[] {3}, true, 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            await().until(() -> gw.latestCommand(CommandKeyRotation.COMMAND).isPresent() && gw.latestCommand("ticket-deny-list").isPresent());
            CommandVerifier verifier = new CommandVerifier(GATEWAY, 60_000);
            SignedCommand rotation = gw.signedCommands().stream().filter(c -> c.command().name().equals(CommandKeyRotation.COMMAND)).findFirst().orElseThrow();
            verifier.authenticate(rotation, before);
            assertThat(CommandKeyRotation.decode(rotation.command().body()).next()).isEqualTo(after.current());
            SignedCommand denyList = gw.signedCommands().stream().filter(c -> c.command().name().equals("ticket-deny-list")).findFirst().orElseThrow();
            verifier.authenticate(denyList, before.rotatedTo(after.current(), rotation.command().id()));
            assertThatThrownBy(() -> verifier.authenticate(denyList, before)).hasMessageContaining("does not hold");
        }
        try (RunningBridge again = BridgeCore.start(options(), List.of()).toCompletableFuture().get()) {
            assertThat(again.commandAnchor()).isEqualTo(after);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + again.databaseFile());
                 ResultSet rows = db.createStatement().executeQuery("SELECT private_key FROM command_keys")) {
                int n = 0;
                while (rows.next()) {
                    n++;
                    assertThat(rows.getString(1)).as("a protected handle, not a 32-byte key").hasSize(128).startsWith("54534b31");
                }
                assertThat(n).isEqualTo(2);
            }
        }
        assertThatThrownBy(() -> BridgeCore.start(options().withKeyFile(dir.resolve("other/signing.key")), List.of())
                .toCompletableFuture().get()).hasMessageContaining("does not open with the signing key file");
    }
}
