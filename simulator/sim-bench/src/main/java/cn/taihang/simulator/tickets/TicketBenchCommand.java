package cn.taihang.simulator.tickets;

import cn.taihang.simulator.DistributionDir;
import cn.taihang.simulator.RunDirectory;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang bench ticket}. */
@Command(name = "ticket", mixinStandardHelpOptions = true,
        description = "Ed25519 verifications/s on one core (BouncyCastle vs openssl speed) and scan-in → relay-out latency through the real "
                + "validator bundle; last line RESULT ticket ratio=<r> p99_ms=<x>.")
public final class TicketBenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "3", description = "length of each verification run and of openssl's (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--scans", defaultValue = "400", description = "accepted scans timed through the gate (default ${DEFAULT-VALUE})")
    int scans;

    @Option(names = "--run-dir", defaultValue = "run/bench-ticket", description = "where the gateway and bridge data go (emptied first)")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        RunDirectory.clear(runDir);
        TicketBench.run(new ScenarioLoader().load("jincheng"), seconds, scans, runDir.toAbsolutePath(), DistributionDir.locate(), System.out);
        return 0;
    }
}
