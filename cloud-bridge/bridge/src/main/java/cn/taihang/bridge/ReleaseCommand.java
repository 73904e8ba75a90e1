package cn.taihang.bridge;

import cn.taihang.bridge.http.auth.ApiTrust;
import cn.taihang.release.ReleaseException;
import cn.taihang.release.ReleaseKeys;
import cn.taihang.release.ReleaseManifest;
import cn.taihang.release.ReleaseSigner;
import cn.taihang.release.build.ReleaseBuilder;
import cn.taihang.release.build.ReleaseDirectory;
import cn.taihang.release.build.ReleasePublisher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taihang-bridge release --dist DIR --release 2026.12.1 --key FILE [--bridge URL --ca FILE --token-file FILE]}:
 * builds a release from a distribution's bundles (the manifest of bundles by SHA-256, boards, shared APIs and the
 * MetaType schema), signs it with the release key (made on first use, owner-only, its public key beside it to pin at
 * the bridge and on the gateways), writes the release directory, and with {@code --bridge} uploads it: the manifest,
 * then only the bundles the bridge lacks. Exit codes: 0 built (and taken), 1 the build or the upload failed or the bridge
 * refused (its problem printed), 2 bad options.
 */
@Command(name = "release", mixinStandardHelpOptions = true, description = {"Build a signed release from a distribution and upload it to a bridge.",
        "The token needs scope fleet:admin; the bridge trusts the release key once its public key is in <data>/release-keys.pub."})
final class ReleaseCommand implements Callable<Integer> {

    @Option(names = "--dist", required = true, paramLabel = "DIR", description = "the distribution directory (its bundles/), e.g. edge-gateway/distribution/target/taihang-gateway")
    Path dist;

    @Option(names = "--release", required = true, paramLabel = "VERSION", description = "the release's version, e.g. 2026.12.1")
    String release;

    @Option(names = "--board", split = ",", defaultValue = "raspberry-pi-4", description = "boards it is for, comma-separated (default ${DEFAULT-VALUE})")
    List<String> boards;

    @Option(names = "--notes", defaultValue = "", description = "what changed")
    String notes;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "the release signing key (Ed25519, owner-only); made if absent, with FILE.pub")
    Path key;

    @Option(names = "--out", paramLabel = "DIR", description = "where release directories are written, each in <DIR>/<release> (default <dist>/../releases)")
    Path out;

    @Option(names = "--bridge", paramLabel = "URL", description = "upload to this bridge's HTTPS API, e.g. https://127.0.0.1:8443; without it: build only")
    URI bridge;

    @Option(names = "--ca", paramLabel = "FILE", description = "the CA certificates (PEM) the bridge's certificate chains to; needed with --bridge")
    Path ca;

    @Option(names = "--token-file", paramLabel = "FILE", description = "a file holding a bearer token of scope fleet:admin; needed with --bridge")
    Path tokenFile;

    @Override
    public Integer call() {
        if (bridge != null && (ca == null || tokenFile == null || !"https".equals(bridge.getScheme()))) {
            System.err.println("配置错误 Bad option: --bridge takes an https:// URL, with --ca and --token-file");
            return 2;
        }
        ReleaseDirectory built;
        String token = null;
        try {
            if (bridge != null) {
                token = Files.readString(tokenFile, StandardCharsets.US_ASCII).trim();
            }
            built = build();
        } catch (IOException | ReleaseException | IllegalArgumentException e) {
            System.err.println("发布构建失败 Cannot build the release: " + e.getMessage());
            return 1;
        }
        System.out.printf("release %s: %d bundles, %d bytes, signed by key %s, in %s%n", built.manifest().version(), built.manifest().bundles().size(),
                built.manifest().totalBytes(), built.signed().keyId(), built.dir());
        if (bridge == null) {
            return 0;
        }
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ApiTrust.clientContext(ca)).build();
            ReleasePublisher.Result result = new ReleasePublisher(bridge, http, token).publish(built);
            if (!result.published()) {
                System.err.println("网桥拒绝 The bridge refused release " + release + " (" + result.status() + "): " + result.answer());
                return 1;
            }
            System.out.printf("uploaded to %s: %d bundles (%d bytes) the bridge lacked, then the manifest%n", bridge, result.uploadedBundles(),
                    result.uploadedBytes());
            return 0;
        } catch (IOException e) {
            System.err.println("上传失败 Cannot upload to " + bridge + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private ReleaseDirectory build() throws IOException, ReleaseException {
        if (!Files.exists(key)) {
            ReleaseKeys.writeKeyPair(key, ReleaseKeys.newPrivateKey(new SecureRandom()));
            System.out.println("new release key " + key + "; pin its public key " + ReleaseKeys.publicKeyFile(key)
                    + " at the bridge (<data>/release-keys.pub) and on the gateways (cn.taihang.updater/releaseKeyFile)");
        }
        ReleaseSigner signer = new ReleaseSigner(ReleaseKeys.readPrivateKey(key));
        Path bundles = dist.resolve("bundles");
        ReleaseManifest manifest = new ReleaseBuilder().build(bundles, release, boards, notes, Instant.now());
        Path dir = (out != null ? out : dist.toAbsolutePath().getParent().resolve("releases")).resolve(release);
        return ReleaseDirectory.write(dir, signer.sign(manifest), manifest, bundles);
    }
}
