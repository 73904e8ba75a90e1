package cn.taihang.updater.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.identity.Kind;
import cn.taihang.release.BundleEntry;
import cn.taihang.release.ReleaseException;
import cn.taihang.release.build.ReleaseBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bundles fetched over real sockets: resumed after cuts, refused when short or altered, over HTTPS with the city PKI. */
@Tag("loopback")
class BundleFetcherLoopbackTest {

    @RegisterExtension
    static final TestPki PKI = new TestPki();

    @TempDir
    Path dir;

    final byte[] jar = new byte[300_000];

    BundleEntry entry() throws Exception {
        new Random(7).nextBytes(jar);
        Path file = Files.write(dir.resolve("source.jar"), jar);
        return new BundleEntry("cn.taihang.test", "1.0.0", ReleaseBuilder.sha256(file), jar.length);
    }

    UpdaterSettings settings(String url, Path identity) {
        return settings(url, identity, null);
    }

    UpdaterSettings settings(String url, Path identity, Path tokenFile) {
        return new UpdaterSettings(URI.create(url), dir.resolve("keys"), identity, tokenFile, Duration.ofSeconds(60), Duration.ofSeconds(5), 5, Duration.ZERO);
    }

    BundleFetcher fetcher(BundleServer server, Path identity, int attempts) throws Exception {
        ReleaseServer client = ReleaseServer.of(settings(server.url(), identity), "gw-test-1");
        return new BundleFetcher(client, dir.resolve("downloads"), attempts, 0);
    }

    @Test
    void aDownloadCutTwiceResumesWhereItStoppedAndCountsEachByteOnce() throws Exception {
        BundleEntry bundle = entry();
        try (BundleServer server = BundleServer.plain()) {
            server.bundles.put(bundle.sha256(), jar);
            server.cutAfter = 100_000;
            server.cuts = 2;
            AtomicLong bytes = new AtomicLong();
            Path file = fetcher(server, null, 5).fetch(bundle, bytes, () -> false);
            assertThat(Files.readAllBytes(file)).isEqualTo(jar);
            assertThat(file.getFileName().toString()).isEqualTo(bundle.sha256() + ".jar");
            assertThat(bytes.get()).as("resumed, not restarted").isEqualTo(jar.length);
            assertThat(server.requests).hasSize(3).allSatisfy(r -> assertThat(r).endsWith("by gw-test-1"));
            assertThat(server.requests.get(0)).doesNotContain("bytes=");
            assertThat(server.requests.get(1)).contains("bytes=100000-");
            long resumedAt = Long.parseLong(server.requests.get(2).replaceAll(".*bytes=(\\d+)-.*", "$1"));
            assertThat(resumedAt).as("the second cut: from what had arrived").isGreaterThan(100_000).isLessThanOrEqualTo(200_000);
            assertThat(fetcher(server, null, 5).completed(bundle)).as("held for the next try").isEqualTo(file);
        }
    }

    @Test
    void aServerWithFewerBytesThanTheManifestIsATruncatedRelease() throws Exception {
        BundleEntry bundle = entry();
        try (BundleServer server = BundleServer.plain()) {
            server.bundles.put(bundle.sha256(), Arrays.copyOf(jar, 250_000));
            assertThatThrownBy(() -> fetcher(server, null, 3).fetch(bundle, new AtomicLong(), () -> false))
                    .isInstanceOfSatisfying(ReleaseException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ReleaseException.Reason.TRUNCATED);
                        assertThat(e.getMessage()).contains("250000", "300000");
                    });
        }
    }

    @Test
    void otherContentOfTheRightSizeIsAHashMismatchAndIsDeleted() throws Exception {
        BundleEntry bundle = entry();
        byte[] altered = jar.clone();
        altered[12345] ^= 1;
        try (BundleServer server = BundleServer.plain()) {
            server.bundles.put(bundle.sha256(), altered);
            assertThatThrownBy(() -> fetcher(server, null, 3).fetch(bundle, new AtomicLong(), () -> false))
                    .isInstanceOfSatisfying(ReleaseException.class, e -> assertThat(e.reason()).isEqualTo(ReleaseException.Reason.HASH_MISMATCH));
            assertThat(dir.resolve("downloads").resolve(bundle.sha256() + ".part")).doesNotExist();
            assertThat(dir.resolve("downloads").resolve(bundle.sha256() + ".jar")).doesNotExist();
        }
    }

    @Test
    void attemptsRunningOutIsTemporaryAndKeepsThePart() throws Exception {
        BundleEntry bundle = entry();
        try (BundleServer server = BundleServer.plain()) {
            server.bundles.put(bundle.sha256(), jar);
            server.cutAfter = 50_000;
            server.cuts = 10;
            assertThatThrownBy(() -> fetcher(server, null, 2).fetch(bundle, new AtomicLong(), () -> false))
                    .isNotInstanceOf(ReleaseException.class).hasMessageContaining("resumes at the next try");
            assertThat(Files.size(dir.resolve("downloads").resolve(bundle.sha256() + ".part"))).isEqualTo(100_000);
            server.cuts = 0;
            assertThat(Files.readAllBytes(fetcher(server, null, 2).fetch(bundle, new AtomicLong(), () -> false))).isEqualTo(jar);
        }
    }

    @Test
    void overHttpsTheGatewayPresentsItsCertificateAndTrustsOnlyACityBridge() throws Exception {
        BundleEntry bundle = entry();
        try (BundleServer bridge = BundleServer.tls(TestPki.serverTls(PKI.bridge("bridge-1"), Kind.GATEWAY).sslContext());
             BundleServer impostor = BundleServer.tls(TestPki.serverTls(PKI.broker("broker-1"), Kind.GATEWAY).sslContext())) {
            bridge.bundles.put(bundle.sha256(), jar);
            impostor.bundles.put(bundle.sha256(), jar);
            Path identity = PKI.gateway("gw-test-1", "post-3");
            assertThat(Files.readAllBytes(fetcher(bridge, identity, 1).fetch(bundle, new AtomicLong(), () -> false))).isEqualTo(jar);
            Files.delete(dir.resolve("downloads").resolve(bundle.sha256() + ".jar"));
            assertThatThrownBy(() -> fetcher(impostor, identity, 1).fetch(bundle, new AtomicLong(), () -> false))
                    .as("a broker's certificate is not a bridge's").hasMessageContaining("after 1 attempts");
            assertThat(impostor.requests).isEmpty();
        }
    }

    @Test
    void aMissingManifestSaysTheBridgeHoldsNoSuchRelease() throws Exception {
        try (BundleServer server = BundleServer.plain()) {
            ReleaseServer client = ReleaseServer.of(settings(server.url(), null), "gw-test-1");
            assertThatThrownBy(() -> client.manifest("2026.12.9")).hasMessageContaining("404").hasMessageContaining("no such release");
            server.manifests.put("2026.12.9", new byte[] {1, 2});
            assertThat(client.manifest("2026.12.9")).containsExactly(1, 2);
        }
    }

    @Test
    void theGatewaysTokenFromItsFileGoesWithEveryRequestAndNeverOverPlainHttp() throws Exception {
        BundleEntry bundle = entry();
        try (BundleServer bridge = BundleServer.tls(TestPki.serverTls(PKI.bridge("bridge-1"), Kind.GATEWAY).sslContext())) {
            bridge.bundles.put(bundle.sha256(), jar);
            bridge.manifests.put("2026.12.9", new byte[] {1});
            Path identity = PKI.gateway("gw-test-1", "post-3");
            Path token = Files.writeString(dir.resolve("bridge.token"), "eyJ.first-token.sig\n");
            ReleaseServer client = ReleaseServer.of(settings(bridge.url(), identity, token), "gw-test-1");
            client.manifest("2026.12.9");
            Files.writeString(token, "eyJ.renewed-token.sig\n");
            new BundleFetcher(client, dir.resolve("downloads"), 1, 0).fetch(bundle, new AtomicLong(), () -> false);
            assertThat(bridge.authorizations).containsExactly("Bearer eyJ.first-token.sig", "Bearer eyJ.renewed-token.sig");

            Files.writeString(token, "\n");
            assertThatThrownBy(() -> client.manifest("2026.12.9")).hasMessageContaining("holds no bearer token").hasMessageContaining("tokenFile");
            assertThat(bridge.authorizations).as("nothing sent without a token").hasSize(2);
        }
        assertThatThrownBy(() -> settings("http://127.0.0.1:8080", null, dir.resolve("bridge.token")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only sent over https");
    }
}
