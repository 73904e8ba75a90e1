package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.releases.ReleasesModule;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.release.ReleaseKeys;
import cn.taihang.release.build.ReleaseDirectory;
import cn.taihang.release.testing.TestBundles;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code taihang-bridge release} against the real bridge over HTTPS: a release built from a distribution's bundles and
 * signed by a key made on first use; uploaded with a fleet admin's token once the bridge trusts the key; refused with
 * a reader's token or an untrusted key (exit 1), and bad options (exit 2).
 */
@Tag("loopback")
class ReleaseCommandLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @TempDir
    Path dir;

    private static int run(String... args) {
        return new CommandLine(new BridgeMain()).execute(args);
    }

    private List<String> release(String version, Path key, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("release", "--dist", dir.resolve("dist").toString(), "--release", version,
                "--key", key.toString(), "--notes", "test " + version));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void buildsSignsAndUploadsAReleaseTheBridgeTrustsAndRefusesWhatItMustNot() throws Exception {
        Path bundles = Files.createDirectories(dir.resolve("dist").resolve("bundles"));
        TestBundles.jar(bundles, "cn.taihang.test", "stable", TestBundles.METATYPE);
        TestBundles.jar(bundles, "cn.taihang.variant", "one", null);
        TestBundles.frameworkProperties(bundles, "slf4j.api");
        Path key = dir.resolve("keys").resolve("release.key");

        assertThat(run(release("2026.12.1", key).toArray(String[]::new))).as("built without a bridge").isEqualTo(0);
        assertThat(Files.getPosixFilePermissions(key)).containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        ReleaseDirectory built = ReleaseDirectory.read(dir.resolve("releases").resolve("2026.12.1"));
        assertThat(built.manifest().bundles()).hasSize(2);
        assertThat(built.signed().keyId()).isEqualTo(ReleaseKeys.keyId(ReleaseKeys.readPublicKeys(ReleaseKeys.publicKeyFile(key)).get(0)));

        try (RunningBridge bridge = Bridge.start(SECURITY.options(dir.resolve("bridge"))).toCompletableFuture().get(60, TimeUnit.SECONDS);
             ApiClient reader = SECURITY.client(bridge, Scopes.FLEET_READ)) {
            Path admin = Files.writeString(dir.resolve("admin.token"), SECURITY.token(Scopes.FLEET_ADMIN) + "\n");
            Path readOnly = Files.writeString(dir.resolve("reader.token"), SECURITY.token(Scopes.FLEET_READ) + "\n");
            String[] upload = {"--bridge", bridge.httpUrl(), "--ca", bridge.caCertificates().toString(), "--token-file", admin.toString()};

            assertThat(run(release("2026.12.2", key, upload).toArray(String[]::new))).as("the bridge does not trust the key yet").isEqualTo(1);
            assertThat(reader.json("/api/v1/releases").getJsonArray("items")).isEmpty();

            Files.copy(ReleaseKeys.publicKeyFile(key), dir.resolve("bridge").resolve(ReleasesModule.TRUSTED_KEYS));
            assertThat(run(release("2026.12.2", key, upload).toArray(String[]::new))).isEqualTo(0);
            JsonObject listed = reader.json("/api/v1/releases").getJsonArray("items").getJsonObject(0);
            assertThat(listed.getString("version")).isEqualTo("2026.12.2");
            assertThat(listed.getString("keyId")).isEqualTo(built.signed().keyId());
            assertThat(listed.getString("notes")).isEqualTo("test 2026.12.2");

            assertThat(run(release("2026.12.3", key, "--bridge", bridge.httpUrl(), "--ca", bridge.caCertificates().toString(), "--token-file",
                    readOnly.toString()).toArray(String[]::new))).as("a reader's token uploads nothing").isEqualTo(1);
            assertThat(reader.json("/api/v1/releases").getJsonArray("items")).hasSize(1);
            assertThat(run(release("2026.12.3", key, "--bridge", bridge.httpUrl().replace("https:", "http:"), "--ca", bridge.caCertificates().toString(),
                    "--token-file", admin.toString()).toArray(String[]::new))).as("a token never goes over plain HTTP").isEqualTo(2);
            assertThat(run(release("2026.12.3", key, "--bridge", bridge.httpUrl()).toArray(String[]::new))).as("no CA, no token").isEqualTo(2);
        }
    }
}
