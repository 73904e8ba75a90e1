package cn.taihang.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the gateway distribution the simulator boots lives. */
public final class DistributionDir {

    private DistributionDir() {
    }

    /** @return the distribution directory: {@code -Dtaihang.dist.dir} or the build output; fails with what to do */
    public static Path locate() {
        String configured = System.getProperty("taihang.dist.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("edge-gateway/distribution/target/taihang-gateway");
        if (!Files.isDirectory(dir.resolve("bundles"))) {
            throw new IllegalStateException("no gateway distribution at " + dir.toAbsolutePath()
                    + "; build it with ./taihang build (or mvn install), or set -Dtaihang.dist.dir");
        }
        return dir.toAbsolutePath();
    }
}
