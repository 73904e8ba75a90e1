package cn.taihang.simulator.mishaps;

import cn.taihang.simulator.DistributionDir;
import cn.taihang.simulator.RunDirectory;
import cn.taihang.simulator.faults.DebianTools;
import cn.taihang.simulator.faults.MosquittoProcess;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang sim mishaps}: the mishaps of roadside hardware with their report. */
@Command(name = "mishaps", mixinStandardHelpOptions = true,
        description = {"Roadside mishaps against real gateways, the broker and the bridge under load: an SD backup restored, a card re-flashed,",
            "a card cloned and run beside the original, a store damaged; the gateways' acknowledged records compared with the bridge's",
            "records, conflicts and the cards left. Last line: RESULT mishaps lost=<n> silent_drops=<n> conflicts_flagged=<n> wrong_end_states=<n>."})
public final class MishapsCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "20", description = "records per second and gateway (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--phase-seconds", defaultValue = "8", description = "seconds between a mishap's steps (default ${DEFAULT-VALUE})")
    int phaseSeconds;

    @Option(names = "--seed", defaultValue = "2024", description = "randomness of the damage (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--drain-timeout", defaultValue = "120", description = "seconds to wait for the final drain (default ${DEFAULT-VALUE})")
    int drainTimeout;

    @Option(names = "--run-dir", defaultValue = "run/mishaps", description = "where stores, journals, the bridge's database and logs go (default ${DEFAULT-VALUE})")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        MishapsOptions options = new MishapsOptions(rate, phaseSeconds, seed, drainTimeout, runDir.toAbsolutePath(), DistributionDir.locate());
        if (!MosquittoProcess.installed()) {
            DebianTools.ensure(System.out, "mosquitto", MosquittoProcess.BINARY);
        }
        RunDirectory.clear(runDir);
        MishapVerdict verdict = MishapsRun.run(new ScenarioLoader().load("jincheng"), options, System.out);
        return verdict.passed() ? 0 : 1;
    }
}
