package cn.taihang.simulator.faults;

import cn.taihang.simulator.DistributionDir;
import cn.taihang.simulator.RunDirectory;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang sim rollout}: fleet updates across the city, with power cuts, a bad release and the report. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"A good release rolled out in waves (canary first) to gateway processes booted from A/B slots, with kill -9 at every update",
            "step; then a bad release caught and rolled back on the canary, the rollout halted; records compared with the bridge. Last line:",
            "RESULT rollout updated=<n> of=<n> bad_release_rolled_back=<n> bad_release_beyond_canary=<n> bricked=<n> lost=<n>."})
public final class RolloutCommand implements Callable<Integer> {

    @Option(names = "--gateways", defaultValue = "6", description = "gateway processes, one site of each kind in turn, the first the canary; 0 for all "
            + "34 (about 150 MB each; on 2 cores with --rate 2) (default ${DEFAULT-VALUE})")
    int gateways;

    @Option(names = "--cuts", defaultValue = "1", description = "power cuts per gateway during the good release, each at the next update step "
            + "(download, verify, staged, switch, trial, commit), 0-6 (default ${DEFAULT-VALUE})")
    int cuts;

    @Option(names = "--link-kbit", defaultValue = "1000", description = "each gateway's 5G link to the release server, kbit/s (default ${DEFAULT-VALUE})")
    long linkKbit;

    @Option(names = "--rate", defaultValue = "20", description = "load records per second and gateway (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--timeout", defaultValue = "900", description = "seconds each rollout may take (default ${DEFAULT-VALUE})")
    int timeout;

    @Option(names = "--run-dir", defaultValue = "run/rollout", description = "where stores, slots, releases, the bridge's database and the report go "
            + "(default ${DEFAULT-VALUE})")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        RunDirectory.clear(runDir);
        RolloutOptions options = new RolloutOptions(gateways, cuts, true, rate, linkKbit * 1000 / 8, 500, timeout, runDir.toAbsolutePath(),
                DistributionDir.locate(), faultyBundle());
        RolloutResult result = RolloutRun.run(new ScenarioLoader().load("jincheng"), options, System.out);
        return result.exact() && result.badRolledBack() == 1 ? 0 : 1;
    }

    /** @return the faulty bundle's jar, from the class path (a test fixture: its component fails to activate on purpose) */
    static Path faultyBundle() throws IOException {
        URL url = RolloutCommand.class.getClassLoader().getResource("cn/taihang/faulty/FailingComponent.class");
        if (url == null || !url.getProtocol().equals("jar")) {
            throw new IOException("the faulty bundle is not on the class path as a jar (" + url + "); build with mvn install");
        }
        try {
            String path = url.getPath();
            return Path.of(new java.net.URI(path.substring(0, path.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the faulty bundle from " + url, e);
        }
    }
}
