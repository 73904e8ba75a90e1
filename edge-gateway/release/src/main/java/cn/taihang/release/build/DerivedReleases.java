package cn.taihang.release.build;

import cn.taihang.release.ReleaseKeys;
import cn.taihang.release.ReleaseManifest;
import cn.taihang.release.ReleaseSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Releases derived from a distribution's bundles, signed by a release key of their own, for the update tests and the
 * rollout scenario: a one-bundle change (the vehicle counter rebuilt), and a bad release (a release plus a bundle whose
 * component fails to activate).
 */
public final class DerivedReleases {

    /** The file-name prefix of the bundle a one-bundle change rebuilds. */
    public static final String CHANGED_BUNDLE = "vehicle-counter-";
    /** Its symbolic name. */
    public static final String CHANGED_SYMBOLIC_NAME = "cn.taihang.vehicle-counter";

    private final ReleaseSigner signer = new ReleaseSigner(ReleaseKeys.newPrivateKey(new SecureRandom()));
    private final Path dir;
    private final Path distBundles;
    private final List<String> boards;

    /**
     * @param dir where the releases are built
     * @param distBundles the distribution's bundles directory (a gateway's factory slot)
     * @param boards the boards the releases are for
     */
    public DerivedReleases(Path dir, Path distBundles, List<String> boards) {
        this.dir = dir;
        this.distBundles = distBundles;
        this.boards = List.copyOf(boards);
    }

    /**
     * Pins the release key in a file of one hex key (the bridge's and the gateway's format).
     *
     * @return {@code file}
     */
    public Path pinKey(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, "# the derived releases' key\n" + ReleaseKeys.hex(signer.publicKey()) + "\n");
    }

    /** @return the distribution with its vehicle counter rebuilt (different content, same bundle) */
    public ReleaseDirectory oneBundleChanged(String version) throws IOException {
        Path bundles = copyInto(distBundles, version);
        Path counter = only(bundles, CHANGED_BUNDLE);
        Path rebuilt = variant(counter, dir.resolve("variant-" + version + ".jar"), "rebuilt for " + version);
        Files.move(rebuilt, counter, StandardCopyOption.REPLACE_EXISTING);
        return release(bundles, version, "vehicle counter rebuilt");
    }

    /** @return {@code base}'s bundles plus {@code faultyJar} (a bundle whose component fails to activate) */
    public ReleaseDirectory withFaultyBundle(ReleaseDirectory base, String version, Path faultyJar) throws IOException {
        Path bundles = copyInto(base.dir().resolve("bundles"), version);
        Files.copy(distBundles.resolve(ReleaseBuilder.FRAMEWORK_PROPERTIES), bundles.resolve(ReleaseBuilder.FRAMEWORK_PROPERTIES),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(faultyJar, bundles.resolve(faultyJar.getFileName()));
        return release(bundles, version, "a component that fails to activate");
    }

    /**
     * Uploads a release as {@code ./taihang release} does.
     *
     * @param adminToken a token of scope {@code fleet:admin}
     * @return what the publisher did
     */
    public ReleasePublisher.Result publish(URI bridge, HttpClient http, String adminToken, ReleaseDirectory release) throws IOException, InterruptedException {
        return new ReleasePublisher(bridge, http, adminToken).publish(release);
    }

    /**
     * Copies a real bundle with one resource added ({@code META-INF/taihang-variant.txt}), so that its content — and its
     * SHA-256 — differ while it stays the same bundle: a one-bundle change, as a rebuilt bundle makes it.
     *
     * @param source the bundle
     * @param target where the variant goes
     * @param marker what the added resource says
     * @return {@code target}
     */
    public static Path variant(Path source, Path target, String marker) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source));
             OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, in.getManifest())) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new JarEntry("META-INF/taihang-variant.txt"));
            out.write(marker.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return target;
    }

    private ReleaseDirectory release(Path bundles, String version, String notes) throws IOException {
        ReleaseManifest manifest = new ReleaseBuilder().build(bundles, version, boards, notes, Instant.now());
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
