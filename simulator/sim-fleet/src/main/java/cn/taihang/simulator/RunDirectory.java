package cn.taihang.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The directory a run keeps its gateways' data and the bridge's database in. */
public final class RunDirectory {

    private RunDirectory() {
    }

    /** Deletes a previous run's directory, refusing anything that does not look like one. */
    public static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir.resolve("gateways")) && !Files.isDirectory(dir.resolve("bridge"))) {
            throw new IOException(dir.toAbsolutePath() + " exists but is not a run directory of the simulator; choose another --run-dir");
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
