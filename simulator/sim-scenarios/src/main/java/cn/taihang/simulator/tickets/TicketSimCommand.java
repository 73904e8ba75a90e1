package cn.taihang.simulator.tickets;

import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang sim tickets}: tourists, gates, forged/expired/replayed scans, compared with the ground truth. */
@Command(name = "tickets", mixinStandardHelpOptions = true,
        description = "Tourists buy one-ticket (一票通) tickets through the bridge and scan at real gateways' gates; bad scans mixed in; "
                + "verdicts and bridge records compared with the ground truth. Exit 0 when everything matches.")
public final class TicketSimCommand implements Callable<Integer> {

    @Option(names = "--gateways", defaultValue = "5", description = "gateways with gates (those with most gates first; default ${DEFAULT-VALUE})")
    int gateways;

    @Option(names = "--tourists", defaultValue = "60", description = "tourists (default ${DEFAULT-VALUE})")
    int tourists;

    @Option(names = "--fault-share", defaultValue = "0.4", description = "share of tourists who also make a bad scan (default ${DEFAULT-VALUE})")
    double faultShare;

    @Option(names = "--seed", defaultValue = "2023", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--run-dir", defaultValue = "run/sim-tickets", description = "where gateway data and the bridge database go (emptied first)")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        cn.taihang.simulator.RunDirectory.clear(runDir);
        TicketScenario.Result result = TicketScenario.run(new ScenarioLoader().load("jincheng"),
                new TicketScenario.Options(gateways, tourists, faultShare, seed, runDir.toAbsolutePath(), cn.taihang.simulator.DistributionDir.locate(),
                        TicketScenario.FAULTS),
                System.out);
        return result.ok() ? 0 : 1;
    }
}
