package cn.taihang.distribution.update;

import cn.taihang.release.ReleaseKeys;
import cn.taihang.release.ReleaseManifest;
import cn.taihang.release.ReleaseSigner;
import cn.taihang.release.build.ReleaseBuilder;
import cn.taihang.release.build.ReleaseDirectory;
import cn.taihang.release.build.ReleasePublisher;
import cn.taihang.release.testing.TestBundles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Releases made from the real distribution's bundles for the update tests, signed by a release key of their own: a
 * one-bundle change (the vehicle counter rebuilt), and a bad release (that plus the faulty bundle, whose component
 * fails to activate).
 */
final class UpdateReleases {

    /** The bundle a one-bundle change rebuilds. */
    static final String CHANGED_BUNDLE = "vehicle-counter-";
    /** Its symbolic name. */
    static final String CHANGED_SYMBOLIC_NAME = "cn.taihang.vehicle-counter";

    private final ReleaseSigner signer = new ReleaseSigner(ReleaseKeys.newPrivateKey(new SecureRandom()));
    private final Path dir;
    private final Path distBundles;

    /**
     * @param dir where the releases are built
     * @param distBundles the distribution's bundles directory (the gateway's factory slot)
     */
    UpdateReleases(Path dir, Path distBundles) {
        this.dir = dir;
        this.distBundles = distBundles;
    }

    /** Pins the release key in a file of one hex key (the bridge's and the gateway's format). */
    Path pinKey(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, "# the test's release key\n" + ReleaseKeys.hex(signer.publicKey()) + "\n");
    }

    /** @return the distribution with its vehicle counter rebuilt (different content, same bundle) */
    ReleaseDirectory oneBundleChanged(String version) throws Exception {
        Path bundles = copyInto(distBundles, version);
        Path counter = only(bundles, CHANGED_BUNDLE);
        Path rebuilt = TestBundles.variant(counter, dir.resolve("variant-" + version + ".jar"), "rebuilt for " + version);
        Files.move(rebuilt, counter, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return release(bundles, version, "vehicle counter rebuilt");
    }

    /** @return {@code base}'s bundles plus the faulty bundle */
    ReleaseDirectory withFaultyBundle(ReleaseDirectory base, String version, Path faultyJar) throws Exception {
        Path bundles = copyInto(base.dir().resolve("bundles"), version);
        Files.copy(distBundles.resolve(ReleaseBuilder.FRAMEWORK_PROPERTIES), bundles.resolve(ReleaseBuilder.FRAMEWORK_PROPERTIES),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(faultyJar, bundles.resolve(faultyJar.getFileName()));
        return release(bundles, version, "a component that fails to activate");
    }

    /** Uploads a release as {@code ./taihang release} does, with a fleet admin's token; @return what the publisher did */
    ReleasePublisher.Result publish(URI bridge, HttpClient http, String adminToken, ReleaseDirectory release) throws Exception {
        return new ReleasePublisher(bridge, http, adminToken).publish(release);
    }

    private ReleaseDirectory release(Path bundles, String version, String notes) throws Exception {
        ReleaseManifest manifest = new ReleaseBuilder().build(bundles, version, List.of("raspberry-pi-4"), notes, Instant.now());
        return ReleaseDirectory.write(dir.resolve("release-" + version), signer.sign(manifest), manifest, bundles);
    }

    private Path copyInto(Path from, String version) throws IOException {
        Path bundles = Files.createDirectories(dir.resolve("dist-" + version).resolve("bundles"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, bundles.resolve(f.getFileName()));
            }
        }
        return bundles;
    }

    private static Path only(Path bundles, String prefix) {
        try (Stream<Path> files = Files.list(bundles)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + prefix + "*.jar in " + bundles + ", found " + found);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
