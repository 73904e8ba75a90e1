package cn.taihang.hardware.pi4jplugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The manifest bnd wrote for the wrapped plugins (target/classes/META-INF/MANIFEST.MF), checked against
 * pi4j-core's own: every import is something pi4j-core or the JDK provides, and no package is split.
 * That the bundle really resolves and works in Felix is shown by hardware-pi4j's in-framework test.
 */
@Tag("unit")
class PluginBundleManifestTest {

    private static final Path CLASSES = Path.of("target", "classes");

    private static Manifest ours() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    private static Manifest pi4jCore() throws Exception {
        Path jar = Path.of(com.pi4j.Pi4J.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        }
    }

    /** Package names of an OSGi package header, without attributes. */
    private static Set<String> packages(Manifest manifest, String header) {
        String value = manifest.getMainAttributes().getValue(header);
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"))
                .map(clause -> clause.split(";", 2)[0].trim()).collect(Collectors.toSet());
    }

    @Test
    void exportsThePluginsAndImportsOnlyWhatPi4jCoreAndTheJdkProvide() throws Exception {
        Set<String> exported = packages(ours(), "Export-Package");
        Set<String> imported = packages(ours(), "Import-Package");
        Set<String> core = packages(pi4jCore(), "Export-Package");

        assertThat(exported).contains("com.pi4j.plugin.mock.provider.gpio.digital", "com.pi4j.plugin.gpiod.provider.gpio.digital",
                "com.pi4j.plugin.linuxfs.provider.gpio.digital", "com.pi4j.library.gpiod.internal", "com.pi4j.library.linuxfs");
        assertThat(exported).as("no package split with pi4j-core").doesNotContainAnyElementsOf(core);
        assertThat(imported).as("own packages are not re-imported").doesNotContainAnyElementsOf(exported);
        for (String pkg : imported) {
            assertThat(core.contains(pkg) || pkg.startsWith("java.") || pkg.equals("org.slf4j"))
                    .as("import %s is provided by pi4j-core, the JDK or the launcher (slf4j)", pkg).isTrue();
        }
        assertThat(ours().getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("cn.taihang.pi4j-plugins");
    }

    @Test
    void carriesTheNativeLibrariesAndThePluginList() throws IOException {
        for (String lib : new String[] {"lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so", "lib/armhf/pi4j-gpiod/libpi4j-gpiod.so",
            "lib/aarch64/pi4j-linuxfs/libpi4j-linuxfs.so", "lib/armhf/pi4j-linuxfs/libpi4j-linuxfs.so"}) {
            assertThat(CLASSES.resolve(lib)).as(lib).isRegularFile();
        }
        assertThat(Files.readAllLines(CLASSES.resolve("META-INF/services/com.pi4j.extension.Plugin")))
                .containsExactly("com.pi4j.plugin.mock.MockPlugin", "com.pi4j.plugin.linuxfs.LinuxFsPlugin",
                        "com.pi4j.plugin.gpiod.GpioDPlugin");
        assertThat(CLASSES.resolve("module-info.class")).as("the plugins' module descriptors stay out").doesNotExist();
    }
}
