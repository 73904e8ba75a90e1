package cn.taihang.bridge.releases;

import cn.taihang.release.ReleaseKeys;
import cn.taihang.release.ReleaseManifest;
import cn.taihang.release.ReleaseSigner;
import cn.taihang.release.SignedManifest;
import cn.taihang.release.build.ReleaseBuilder;
import cn.taihang.release.build.ReleaseDirectory;
import cn.taihang.release.testing.TestBundles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * Releases for the bridge tests: a release key the bridge trusts, releases built from small jars, uploads over HTTPS with
 * a fleet admin's token.
 */
final class ReleaseFixture {

    final ReleaseSigner signer = new ReleaseSigner(ReleaseKeys.newPrivateKey(new SecureRandom()));
    final HttpClient http;
    private final Path dir;
    private final String adminBearer;

    /**
     * @param http a client trusting the bridge's CA
     * @param adminBearer {@code Bearer <token>} of scope {@code fleet:admin}, sent with every upload
     */
    ReleaseFixture(Path dir, HttpClient http, String adminBearer) {
        this.dir = dir;
        this.http = http;
        this.adminBearer = adminBearer;
    }

    /** Pins the signer's key at a bridge whose data directory is {@code bridgeData} (before it starts or while it runs). */
    void trustAt(Path bridgeData) throws IOException {
        Files.createDirectories(bridgeData);
        Files.writeString(bridgeData.resolve(ReleaseService.TRUSTED_KEYS), "# release keys\n" + ReleaseKeys.hex(signer.publicKey()) + "\n");
    }

    /** @return a release of two bundles, one of them with {@code variant} in it (so releases differ in one bundle) */
    ReleaseDirectory release(String version, String variant) throws Exception {
        Path bundles = dir.resolve("dist-" + version).resolve("bundles");
        TestBundles.jar(bundles, "cn.taihang.test", "stable", TestBundles.METATYPE);
        TestBundles.jar(bundles, "cn.taihang.variant", variant, null);
        TestBundles.frameworkProperties(bundles, "slf4j.api");
        ReleaseManifest manifest = new ReleaseBuilder().build(bundles, version, List.of("raspberry-pi-4"), "test " + variant, Instant.now());
        SignedManifest signed = signer.sign(manifest);
        return ReleaseDirectory.write(dir.resolve("release-" + version), signed, manifest, bundles);
    }

    /** Uploads every bundle, then the manifest; @return the status of the manifest's upload */
    int upload(String bridgeUrl, ReleaseDirectory release) throws Exception {
        for (var e : release.bundles().entrySet()) {
            send("PUT", bridgeUrl + "/api/v1/releases/bundles/" + e.getKey(), Files.readAllBytes(e.getValue()), null, adminBearer);
        }
        return send("POST", bridgeUrl + "/api/v1/releases", Files.readAllBytes(release.dir().resolve(ReleaseDirectory.ENVELOPE)), null, adminBearer)
                .statusCode();
    }

    /**
     * @param range a {@code Range} header, or {@code null}
     * @param bearer an {@code Authorization} header, or {@code null} to send none
     */
    HttpResponse<byte[]> send(String method, String url, byte[] body, String range, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (range != null) {
            b.header("Range", range);
        }
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
