package cn.taihang.release.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Small jars with an OSGi manifest and optionally a MetaType resource, for the release tests (not real bundles). */
public final class TestBundles {

    private TestBundles() {
    }

    /** A cloud-link-like MetaType resource: one singleton PID with ranges, a password and options. */
    public static final String METATYPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0" localization="OSGI-INF/l10n/bundle">
              <OCD id="cn.taihang.test" name="%test.name">
                <AD id="brokerUrl" type="String" name="%a"/>
                <AD id="keepAliveSeconds" type="Integer" name="%b" min="5" max="3600" default="30"/>
                <AD id=".password" type="Password" name="%c" required="false" default=""/>
                <AD id="mode" type="String" name="%d" default="fast"><Option label="fast" value="fast"/><Option label="safe" value="safe"/></AD>
                <AD id="limits" type="Double" cardinality="2147483647" name="%e" min="0.1" default="2.5,5.6\\,7"/>
              </OCD>
              <OCD id="cn.taihang.test.lane" name="%lane"><AD id="pin" type="Integer" name="%p" min="0"/></OCD>
              <Designate pid="cn.taihang.test"><Object ocdref="cn.taihang.test"/></Designate>
              <Designate factoryPid="cn.taihang.test.lane"><Object ocdref="cn.taihang.test.lane"/></Designate>
            </metatype:MetaData>
            """;

    /**
     * @param dir where to write it
     * @param bsn its symbolic name
     * @param content a resource making its bytes differ
     * @param metaType MetaType XML to include, or {@code null}
     * @return the jar
     */
    public static Path jar(Path dir, String bsn, String content, String metaType) throws IOException {
        Files.createDirectories(dir);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", bsn + ";singleton:=true");
        manifest.getMainAttributes().putValue("Bundle-Version", "0.1.0.SNAPSHOT");
        Path jar = dir.resolve(bsn + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("content.txt"));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            if (metaType != null) {
                out.putNextEntry(new JarEntry("OSGI-INF/metatype/" + bsn + ".xml"));
                out.write(metaType.getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    /** Writes the {@code framework.properties} of a bundles directory. */
    public static void frameworkProperties(Path dir, String shared) throws IOException {
        Files.writeString(dir.resolve("framework.properties"), "shared.bundles=" + shared + "\n");
    }
}
