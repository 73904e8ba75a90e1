package cn.taihang.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What to launch.
 *
 * @param configFile the gateway's configuration file (OSGi Configurator JSON)
 * @param dataDir where the gateway keeps its state (store, configuration, framework cache); created if absent
 * @param bundlesDir the distribution's bundles, all installed and started, with the {@code framework.properties} naming the
 *     classpath jars they were resolved against
 * @param frameworkProperties extra framework properties (e.g. {@code taihang.console.url})
 * @param readyTimeout how long to wait for every component to come up before reporting what did not
 */
public record LaunchSpec(Path configFile, Path dataDir, Path bundlesDir, Map<String, String> frameworkProperties, Duration readyTimeout) {

    /** Validates and copies. */
    public LaunchSpec {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bundlesDir, "bundlesDir");
        frameworkProperties = Map.copyOf(frameworkProperties);
        Objects.requireNonNull(readyTimeout, "readyTimeout");
    }

    /** @return a spec with no extra properties and a 10 s ready timeout */
    public static LaunchSpec of(Path configFile, Path dataDir, Path bundlesDir) {
        return new LaunchSpec(configFile, dataDir, bundlesDir, Map.of(), Duration.ofSeconds(10));
    }
}
