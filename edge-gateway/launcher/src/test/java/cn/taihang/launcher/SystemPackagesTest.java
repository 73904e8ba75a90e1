package cn.taihang.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system bundle shares the classpath jars the distribution's bundles were resolved against, and only those. */
@Tag("unit")
class SystemPackagesTest {

    @TempDir
    Path bundles;

    @Test
    void theSharedJarsAreNamedByTheDistributionAndTheirOwnManifestsGiveThePackages() throws Exception {
        Files.writeString(bundles.resolve(SystemPackages.FILE), "# written by the build\nshared.bundles = slf4j.api, org.osgi.service.cm\n");
        Set<String> shared = SystemPackages.sharedBundles(bundles);
        assertThat(shared).containsExactly("slf4j.api", "org.osgi.service.cm");

        String exports = SystemPackages.exports(getClass().getClassLoader(), shared);
        assertThat(exports).contains("org.slf4j;uses:=").contains("version=\"2.0.16\"").contains("org.osgi.service.cm;version=\"1.6.1\"")
                .doesNotContain("org.osgi.util.promise").doesNotContain("com.fasterxml.jackson.core");
    }

    @Test
    void aBundlesDirectoryWithoutTheFileOrAJarMissingFromTheClasspathIsAClearError() throws Exception {
        assertThatThrownBy(() -> SystemPackages.sharedBundles(bundles)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("no framework.properties in " + bundles).hasMessageContaining("--bundles");

        Files.writeString(bundles.resolve(SystemPackages.FILE), "shared.bundles=\n");
        assertThatThrownBy(() -> SystemPackages.sharedBundles(bundles)).isInstanceOf(LaunchException.class).hasMessageContaining("names no shared.bundles");

        assertThatThrownBy(() -> SystemPackages.exports(getClass().getClassLoader(), Set.of("slf4j.api", "org.example.absent")))
                .isInstanceOf(LaunchException.class).hasMessageContaining("[org.example.absent]").hasMessageContaining("lib/");
    }
}
