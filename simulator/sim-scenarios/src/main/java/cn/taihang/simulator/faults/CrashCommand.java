package cn.taihang.simulator.faults;

import cn.taihang.simulator.DistributionDir;
import cn.taihang.simulator.RunDirectory;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang sim crash}: the crash scenario with its report. */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = {"Kill -9 gateway processes, stop/kill and restart the broker (mosquitto) and the bridge, under load; then compare",
            "what the gateways' outboxes acknowledged with what the bridge recorded. Last line: RESULT lost=<n> duplicated=<n> delivered=<n>."})
public final class CrashCommand implements Callable<Integer> {

    @Option(names = "--gateways", defaultValue = "4", description = "gateway processes (default ${DEFAULT-VALUE})")
    int gateways;

    @Option(names = "--kills", defaultValue = "20", description = "faults of each kind: gateway kill -9, broker, bridge (default ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--rate", defaultValue = "200", description = "records per second and gateway (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seed", defaultValue = "2024", description = "randomness of the fault plan (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--drain-timeout", defaultValue = "180", description = "seconds to wait for the final drain (default ${DEFAULT-VALUE})")
    int drainTimeout;

    @Option(names = "--run-dir", defaultValue = "run/crash", description = "where stores, journals, the bridge's database and logs go (default ${DEFAULT-VALUE})")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        if (!MosquittoProcess.installed()) {
            DebianTools.ensure(System.out, "mosquitto", MosquittoProcess.BINARY);
        }
        RunDirectory.clear(runDir);
        Scenario scenario = new ScenarioLoader().load("jincheng");
        CrashOptions options = new CrashOptions(gateways, kills, rate, seed, new long[] {1000, 4000}, new long[] {200, 3000}, drainTimeout,
                runDir.toAbsolutePath(), DistributionDir.locate());
        CrashRun.CrashResult result = CrashRun.run(scenario, options, System.out);
        return result.verdict().exact() ? 0 : 1;
    }
}
