package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.broker.BrokerAddress;
import cn.taihang.bridge.http.auth.LocalTokenIssuer;
import cn.taihang.bridge.http.auth.TokenOptions;
import cn.taihang.bridge.storage.PostgresAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("unit")
class BridgeMainTest {

    private static BridgeOptions parse(String... args) {
        BridgeMain main = new BridgeMain();
        new CommandLine(main).parseArgs(args);
        return main.toOptions();
    }

    @Test
    void defaultsAreTheOptionsDefaults() {
        assertThat(parse()).isEqualTo(BridgeOptions.defaults());
        assertThat(BridgeOptions.defaults()).isEqualTo(new BridgeOptions("127.0.0.1", 8080, 8883, null, Path.of("data/bridge"), null, null, null,
                TokenOptions.local(Path.of("data/bridge/secrets")), null, null));
    }

    @Test
    void readsEveryOption() {
        BridgeOptions o = parse("--http-port", "0", "--mqtt-port", "0", "--broker", "tcp://emqx:1883", "--data", "/var/lib/bridge",
                "--host", "0.0.0.0", "--share-group", "bridge", "--client-id", "bridge-1", "--identity", "/etc/taihang/bridge",
                "--token-keys", "/etc/taihang/idp.jwks", "--token-issuer", "https://idp.jincheng.example", "--token-audience", "bridge", "--token-skew", "10",
                "--key-file", "/etc/taihang/bridge-signing.key");
        assertThat(o).isEqualTo(new BridgeOptions("0.0.0.0", 0, 0, new BrokerAddress("emqx", 1883, false), Path.of("/var/lib/bridge"), "bridge", "bridge-1",
                Path.of("/etc/taihang/bridge"), TokenOptions.external("https://idp.jincheng.example", "bridge", List.of(Path.of("/etc/taihang/idp.jwks")))
                        .withLeeway(Duration.ofSeconds(10)), null, Path.of("/etc/taihang/bridge-signing.key")));
        assertThat(o.embeddedBroker()).isFalse();
        assertThat(BridgeOptions.defaults().signingKeyFile()).isEqualTo(Path.of("data/bridge-secrets/signing.key").toAbsolutePath());
    }

    @Test
    void readsAPostgresqlDatabaseWithItsPasswordFromAFileOrTheEnvironment(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("pg.pass"), "s3cret\n");
        BridgeOptions fromFile = parse("--database", "postgresql://bridge@db.example:5433/taihang", "--database-password-file", secret.toString(),
                "--database-pool", "4");
        assertThat(fromFile.database()).isEqualTo(new PostgresAddress("db.example", 5433, "taihang", "bridge", "s3cret", 4));
        assertThat(fromFile.database().toString()).isEqualTo("postgresql://bridge@db.example:5433/taihang").doesNotContain("s3cret");

        BridgeMain main = new BridgeMain();
        main.environment = name -> name.equals("PGPASSWORD") ? "from-env" : null;
        new CommandLine(main).parseArgs("--database", "postgres://bridge@db.example/taihang");
        assertThat(main.toOptions().database()).isEqualTo(new PostgresAddress("db.example", 5432, "taihang", "bridge", "from-env", 8));
    }

    @Test
    void aPasswordNeverComesOnTheCommandLine(@TempDir Path dir) {
        assertThatThrownBy(() -> parse("--database", "postgresql://bridge:s3cret@db.example/taihang")).hasMessageContaining("must not carry a password")
                .hasMessageContaining("--database-password-file").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse("--database", "mysql://bridge@db/taihang")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> parse("--database", "postgresql://db.example/taihang")).hasMessageContaining("needs a user");
        assertThatThrownBy(() -> parse("--database-password-file", "x")).hasMessageContaining("needs --database");
        assertThatThrownBy(() -> parse("--database", "postgresql://bridge@db/t", "--database-password-file", dir.resolve("none").toString()))
                .hasMessageContaining("cannot read the password file");
        assertThatThrownBy(() -> parse("--database", "postgresql://bridge@db/t", "--database-pool", "0")).hasMessageContaining("pool size");
    }

    @Test
    void badOptionsSayWhatToChange() {
        assertThatThrownBy(() -> parse("--http-port", "70000")).hasMessageContaining("0-65535");
        assertThatThrownBy(() -> parse("--broker", "emqx:1883")).hasMessageContaining("tcp://");
        assertThatThrownBy(() -> parse("--share-group", "a/b")).hasMessageContaining("share group");
        assertThatThrownBy(() -> parse("--client-id", " ")).hasMessageContaining("client id");
        assertThat(new CommandLine(new BridgeMain()).execute("--broker", "nonsense")).isEqualTo(2);
        assertThat(new CommandLine(new BridgeMain()).execute("--http-port", "x")).isEqualTo(2);
        assertThatThrownBy(() -> parse("--token-skew", "3600")).hasMessageContaining("0-300");
    }

    @Test
    void theTokenCommandMintsWithAnOwnerOnlyKey(@TempDir Path dir) throws Exception {
        assertThat(new CommandLine(new BridgeMain()).execute("token", "--secrets", dir.toString(), "--subject", "operator",
                "--scope", "telemetry:read,signs:write", "--ttl", "8h")).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve(LocalTokenIssuer.SIGNING_KEY))).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(new CommandLine(new BridgeMain()).execute("token", "--secrets", dir.toString(), "--subject", "operator", "--scope", "everything")).isEqualTo(2);
        assertThat(new CommandLine(new BridgeMain()).execute("token", "--secrets", dir.toString(), "--subject", "operator", "--scope", "telemetry:read",
                "--ttl", "90d")).isEqualTo(2);
        assertThat(TokenCommand.ttl("30m")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theMosquittoConfCommandWritesALockedDownConfigurationAndAcl(@TempDir Path dir) throws Exception {
        try (cn.taihang.bridge.ca.testing.TestPki pki = new cn.taihang.bridge.ca.testing.TestPki()) {
            Path out = dir.resolve("mosquitto");
            assertThat(new CommandLine(new BridgeMain()).execute("mosquitto-conf", "--identity", pki.broker("mqtt-1").toString(),
                    "--bridge", "bridge-1", "--bridge", "bridge-2", "--out", out.toString())).isZero();
            String conf = Files.readString(out.resolve("mosquitto.conf"));
            assertThat(conf).contains("listener 8883 0.0.0.0", "require_certificate true", "use_identity_as_username true", "allow_anonymous false",
                    "crlfile ").doesNotContain("allow_anonymous true");
            assertThat(conf.lines().filter(l -> l.startsWith("listener "))).as("no plain listener").hasSize(1);
            assertThat(conf).as("bounded session queues").contains("max_queued_messages 20000", "max_queued_bytes 268435456");
            assertThat(Files.readString(out.resolve("acl"))).contains("pattern write taihang/v1/+/%u/data", "user bridge-1", "user bridge-2")
                    .doesNotContain("topic read #", "topic write #");
            assertThat(new CommandLine(new BridgeMain()).execute("mosquitto-conf", "--identity", pki.broker("mqtt-2").toString(),
                    "--out", out.toString())).as("without a bridge").isEqualTo(2);
        }
    }
}
