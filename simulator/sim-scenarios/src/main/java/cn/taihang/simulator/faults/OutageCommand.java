package cn.taihang.simulator.faults;

import cn.taihang.simulator.RunDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang sim outage}: a gateway cut off for days (simulated), then the backlog drains. */
@Command(name = "outage", mixinStandardHelpOptions = true,
        description = {"A hub gateway cut off from the bridge for --hours simulated hours (produced in seconds with a simulated clock),",
            "then reconnecting: every critical record delivered, eviction only in the lowest class; bytes per record on disk",
            "and on the wire, drain time of the backlog."})
public final class OutageCommand implements Callable<Integer> {

    @Option(names = "--hours", defaultValue = "72", description = "simulated hours cut off (default ${DEFAULT-VALUE})")
    int hours;

    @Option(names = "--quota-mib", defaultValue = "20",
            description = "store quota in MiB (default ${DEFAULT-VALUE}: the upper three classes of 72 h fit, diagnostics overflow)")
    int quotaMib;

    @Option(names = "--seed", defaultValue = "72", description = "randomness of the workload (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--run-dir", defaultValue = "run/outage", description = "where the store and the bridge's database go (default ${DEFAULT-VALUE})")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        RunDirectory.clear(runDir);
        OutageRun.Result r = OutageRun.run(new OutageRun.Options(hours, quotaMib * 1024L * 1024L, seed, runDir.toAbsolutePath()), System.out);
        long evictedAbove = r.evicted().entrySet().stream().filter(e -> e.getKey() != cn.taihang.gateway.api.Priority.BULK).mapToLong(e -> e.getValue()).sum();
        return r.criticalMissing() == 0 && evictedAbove == 0 && r.notHistorical() == 0 ? 0 : 1;
    }
}
