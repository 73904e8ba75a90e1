package cn.taihang.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Set;
import java.util.StringJoiner;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The packages the system bundle exports besides the JDK's: the APIs shared between the launcher
 * (or a simulator hosting many gateways) and the bundles — SLF4J, ConfigurationAdmin, Declarative
 * Services runtime, OSGi promises. Read from the OSGi manifests of those jars on the classpath, so
 * that the exported versions are exactly the jars' own.
 */
final class SystemPackages {

    static final Set<String> SHARED_BUNDLES = Set.of("slf4j.api", "org.osgi.service.cm", "org.osgi.service.component",
            "org.osgi.util.promise", "org.osgi.util.function");

    private SystemPackages() {
    }

    /** @return the Export-Package clauses of the shared API jars, the first of each name on the classpath */
    static String exports(ClassLoader loader) {
        StringJoiner exports = new StringJoiner(",");
        Set<String> found = new java.util.HashSet<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                try (InputStream in = url.openStream()) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    String bsn = main.getValue("Bundle-SymbolicName");
                    String export = main.getValue("Export-Package");
                    String name = bsn == null ? null : bsn.split(";")[0].trim();
                    if (export != null && SHARED_BUNDLES.contains(name) && found.add(name)) {
                        exports.add(export);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifests of the launcher's classpath", e);
        }
        if (!found.equals(SHARED_BUNDLES)) {
            throw new IllegalStateException("the launcher's classpath must hold " + SHARED_BUNDLES + " but only " + found
                    + " were found; start the gateway with the distribution's lib/ directory on the classpath");
        }
        return exports.toString();
    }
}
