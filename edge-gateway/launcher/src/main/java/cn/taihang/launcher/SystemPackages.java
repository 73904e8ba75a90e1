package cn.taihang.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The packages the system bundle exports besides the JDK's: the APIs shared between the launcher (or a simulator
 * hosting many gateways) and the bundles — SLF4J, ConfigurationAdmin, the Declarative Services runtime, OSGi promises.
 * Which jars those are is the distribution's word: the bundles were resolved against them (its {@code gateway.bndrun}
 * {@code -runpath}), and the build writes their names to {@value #FILE} beside the bundles. The packages are read from
 * the manifests of those jars on the classpath, so that the exported versions are exactly the jars' own.
 */
final class SystemPackages {

    /** The file in the bundles directory naming the shared jars. */
    static final String FILE = "framework.properties";
    /** Its key: bundle symbolic names, comma-separated. */
    static final String SHARED_BUNDLES = "shared.bundles";

    private SystemPackages() {
    }

    /**
     * @param bundlesDir the distribution's bundles directory
     * @return the symbolic names of the jars on the classpath the bundles expect the system bundle to share
     * @throws LaunchException if the directory holds no readable {@value #FILE} naming them
     */
    static Set<String> sharedBundles(Path bundlesDir) throws LaunchException {
        Path file = bundlesDir.resolve(FILE);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new LaunchException("no " + FILE + " in " + bundlesDir + "; pass the distribution's bundles directory with --bundles", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new LaunchException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(properties.getProperty(SHARED_BUNDLES, "").split(",")).map(String::trim).filter(n -> !n.isEmpty()).forEach(names::add);
        if (names.isEmpty()) {
            throw new LaunchException(file + " names no " + SHARED_BUNDLES + "; rebuild the distribution");
        }
        return names;
    }

    /**
     * @param loader the class loader whose jars the system bundle shares
     * @param shared the symbolic names of the jars to share
     * @return the Export-Package clauses of those jars, the first of each name on the classpath
     * @throws LaunchException if one of them is not on the classpath or the manifests cannot be read
     */
    static String exports(ClassLoader loader, Set<String> shared) throws LaunchException {
        StringJoiner exports = new StringJoiner(",");
        Set<String> found = new HashSet<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    String bsn = main.getValue("Bundle-SymbolicName");
                    String export = main.getValue("Export-Package");
                    String name = bsn == null ? null : bsn.split(";")[0].trim();
                    if (export != null && shared.contains(name) && found.add(name)) {
                        exports.add(export);
                    }
                }
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read the manifests of the launcher's classpath: " + e.getMessage(), e);
        }
        if (!found.equals(shared)) {
            Set<String> missing = new LinkedHashSet<>(shared);
            missing.removeAll(found);
            throw new LaunchException("the launcher's classpath must hold " + missing + " (the bundles were resolved against them); "
                    + "start the gateway with the distribution's lib/ directory on the classpath");
        }
        return exports.toString();
    }
}
