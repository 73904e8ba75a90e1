package cn.taihang.simulator.soak;

import cn.taihang.simulator.DistributionDir;
import cn.taihang.simulator.RunDirectory;
import cn.taihang.simulator.faults.DebianTools;
import cn.taihang.simulator.faults.MosquittoProcess;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang sim soak}: the soak with its report and chart. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"The city under load for many simulated days with faults (a gateway kill -9 and a broker restart every day); heap,",
            "resident memory, file descriptors, threads, store and database sizes sampled each day and plotted. Last line:",
            "RESULT soak days=<n> heap_growth_mb=<n> fd_growth=<n> thread_growth=<n> lost=<n> rss_growth_mb=<n> duplicated=<n>."})
public final class SoakCommand implements Callable<Integer> {

    @Option(names = "--days", defaultValue = "7", description = "simulated days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--day-seconds", defaultValue = "60", description = "wall-clock seconds per simulated day (default ${DEFAULT-VALUE})")
    int daySeconds;

    @Option(names = "--gateways", defaultValue = "6", description = "gateway processes, half of them never faulted (default ${DEFAULT-VALUE})")
    int gateways;

    @Option(names = "--rate", defaultValue = "50", description = "records per second and gateway (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seed", defaultValue = "2024", description = "randomness of the faults' outages (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--drain-timeout", defaultValue = "180", description = "seconds to wait for the final drain (default ${DEFAULT-VALUE})")
    int drainTimeout;

    @Option(names = "--run-dir", defaultValue = "run/soak", description = "where stores, journals, the bridge's database and the chart go (default ${DEFAULT-VALUE})")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        SoakOptions options = new SoakOptions(days, gateways, rate, daySeconds, seed, drainTimeout, runDir.toAbsolutePath(), DistributionDir.locate());
        if (!MosquittoProcess.installed()) {
            DebianTools.ensure(System.out, "mosquitto", MosquittoProcess.BINARY);
        }
        RunDirectory.clear(runDir);
        SoakRun.SoakResult result = SoakRun.run(new ScenarioLoader().load("jincheng"), options, System.out);
        return result.verdict().exact() ? 0 : 1;
    }
}
