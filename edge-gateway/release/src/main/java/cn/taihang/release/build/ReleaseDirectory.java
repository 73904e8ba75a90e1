package cn.taihang.release.build;

import cn.taihang.release.BundleEntry;
import cn.taihang.release.ReleaseCodec;
import cn.taihang.release.ReleaseException;
import cn.taihang.release.ReleaseManifest;
import cn.taihang.release.SignedManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built release on disk, as {@code ./taihang release build} writes it and {@code release publish} uploads it:
 *
 * <pre>
 * release.json              the signed manifest (envelope): what the bridge and the gateways take
 * manifest.json             the same manifest, readable (never used for checking)
 * bundles/&lt;bsn&gt;-&lt;version&gt;.jar  every bundle the manifest names
 * </pre>
 *
 * @param dir the directory
 * @param signed the signed manifest
 * @param manifest its content (not verified here: whoever takes it verifies the signature)
 * @param bundles SHA-256 → the bundle's file in {@code bundles/}
 */
public record ReleaseDirectory(Path dir, SignedManifest signed, ReleaseManifest manifest, Map<String, Path> bundles) {

    /** File of the signed manifest. */
    public static final String ENVELOPE = "release.json";

    /** Copies the map. */
    public ReleaseDirectory {
        bundles = Map.copyOf(bundles);
    }

    /**
     * Writes a release directory, copying each bundle the manifest names from {@code bundlesDir} (found by its hash).
     *
     * @throws IOException if a bundle the manifest names is not in {@code bundlesDir}, or writing fails
     */
    public static ReleaseDirectory write(Path dir, SignedManifest signed, ReleaseManifest manifest, Path bundlesDir) throws IOException {
        Map<String, Path> byHash = new HashMap<>();
        for (Path jar : ReleaseBuilder.jars(bundlesDir)) {
            byHash.put(ReleaseBuilder.sha256(jar), jar);
        }
        Files.createDirectories(dir.resolve("bundles"));
        Map<String, Path> written = new LinkedHashMap<>();
        for (BundleEntry b : manifest.bundles()) {
            Path source = byHash.get(b.sha256());
            if (source == null) {
                throw new IOException("bundle " + b.symbolicName() + " (" + b.sha256() + ") is not in " + bundlesDir);
            }
            Path target = dir.resolve("bundles").resolve(b.fileName());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            written.put(b.sha256(), target);
        }
        ReleaseCodec codec = new ReleaseCodec();
        Files.write(dir.resolve("manifest.json"), signed.manifest());
        Files.write(dir.resolve(ENVELOPE), codec.envelope(signed));
        return new ReleaseDirectory(dir, signed, manifest, written);
    }

    /**
     * Reads a release directory (the signature is not checked: the bridge and the gateways do that).
     *
     * @throws IOException if a file is missing or a bundle's hash or size differs from the manifest's
     * @throws ReleaseException if {@value #ENVELOPE} is malformed
     */
    public static ReleaseDirectory read(Path dir) throws IOException, ReleaseException {
        ReleaseCodec codec = new ReleaseCodec();
        SignedManifest signed = codec.openEnvelope(Files.readAllBytes(dir.resolve(ENVELOPE)));
        ReleaseManifest manifest = codec.decode(signed.manifest());
        Map<String, Path> bundles = new LinkedHashMap<>();
        for (BundleEntry b : manifest.bundles()) {
            Path file = dir.resolve("bundles").resolve(b.fileName());
            if (!Files.exists(file) || Files.size(file) != b.size() || !ReleaseBuilder.sha256(file).equals(b.sha256())) {
                throw new IOException(file + " is missing or differs from the manifest's " + b.sha256() + " (" + b.size() + " bytes)");
            }
            bundles.put(b.sha256(), file);
        }
        return new ReleaseDirectory(dir, signed, manifest, bundles);
    }
}
