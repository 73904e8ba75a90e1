package cn.taihang.release.build;

import cn.taihang.release.BundleEntry;
import cn.taihang.release.ConfigSchema;
import cn.taihang.release.PidSchema;
import cn.taihang.release.ReleaseManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Makes the manifest of a release from a distribution's {@code bundles/} directory: every jar becomes a
 * {@link BundleEntry} (symbolic name and version from its OSGi manifest, SHA-256 and size of its bytes), the MetaType
 * resources of all of them the {@link ConfigSchema}, and {@code framework.properties} the shared APIs.
 */
public final class ReleaseBuilder {

    /** The distribution's file naming the shared APIs (as the launcher reads it). */
    public static final String FRAMEWORK_PROPERTIES = "framework.properties";
    private static final String SHARED_BUNDLES = "shared.bundles";

    private final MetaTypeXml metaType = new MetaTypeXml();

    /**
     * @param bundlesDir a distribution's bundles directory
     * @param version the release's version
     * @param boards the boards it is for
     * @param notes what changed, may be empty
     * @param created when it is built
     * @return the manifest
     * @throws IOException if a jar is not a bundle, a MetaType resource is broken, or {@value #FRAMEWORK_PROPERTIES} is missing
     */
    public ReleaseManifest build(Path bundlesDir, String version, List<String> boards, String notes, Instant created) throws IOException {
        List<BundleEntry> bundles = new ArrayList<>();
        Map<String, PidSchema> pids = new TreeMap<>();
        for (Path jar : jars(bundlesDir)) {
            bundles.add(describe(jar, pids));
        }
        return new ReleaseManifest(version, boards, sharedApis(bundlesDir), bundles, new ConfigSchema(pids), created, notes);
    }

    /** @return the jars of a bundles directory, by file name */
    public static List<Path> jars(Path bundlesDir) throws IOException {
        try (Stream<Path> files = Files.list(bundlesDir)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IOException("no bundles in " + bundlesDir + "; point at a built distribution's bundles/ directory");
            }
            return jars;
        }
    }

    /** @return the SHA-256 of a file's bytes, 64 lower-case hex digits */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private BundleEntry describe(Path jar, Map<String, PidSchema> pids) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (bsn == null) {
                throw new IOException(jar + " is not an OSGi bundle (no Bundle-SymbolicName)");
            }
            String version = manifest.getMainAttributes().getValue("Bundle-Version");
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        for (PidSchema pid : metaType.read(in, jar.getFileName() + "!/" + entry.getName())) {
                            pids.put(pid.pid(), pid);
                        }
                    }
                }
            }
            try {
                return new BundleEntry(bsn.split(";")[0].trim(), version == null ? "0.0.0" : version.trim(), sha256(jar), Files.size(jar));
            } catch (IllegalArgumentException e) {
                throw new IOException(jar + ": " + e.getMessage(), e);
            }
        }
    }

    private static List<String> sharedApis(Path bundlesDir) throws IOException {
        Path file = bundlesDir.resolve(FRAMEWORK_PROPERTIES);
        if (!Files.exists(file)) {
            throw new IOException("no " + FRAMEWORK_PROPERTIES + " in " + bundlesDir + "; point at a built distribution's bundles/ directory");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return Arrays.stream(properties.getProperty(SHARED_BUNDLES, "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
