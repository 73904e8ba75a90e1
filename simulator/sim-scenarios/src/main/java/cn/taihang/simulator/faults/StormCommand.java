package cn.taihang.simulator.faults;

import cn.taihang.simulator.RunDirectory;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang sim storm}: the whole city reconnecting at once with backlogs; the bridge's CPU and responsiveness. */
@Command(name = "storm", mixinStandardHelpOptions = true,
        description = {"Every gateway of the city reconnects at once with the backlog of an outage, against the bridge as its own process",
            "behind mosquitto: the bridge's CPU, ingest rate and HTTP answer times, with the uplinks' pacing (start jitter, drain",
            "rate cap) and without."})
public final class StormCommand implements Callable<Integer> {

    @Option(names = "--gateways", defaultValue = "0", description = "gateways (default: the whole city, 34)")
    int gateways;

    @Option(names = "--backlog-hours", defaultValue = "2", description = "hours of a hub's records in each backlog (default ${DEFAULT-VALUE})")
    int hours;

    @Option(names = "--unpaced", defaultValue = "true", negatable = true, description = "also run without pacing, for comparison (default ${DEFAULT-VALUE})")
    boolean unpaced;

    @Option(names = "--run-dir", defaultValue = "run/storm", description = "where the stores and the bridge's database go (default ${DEFAULT-VALUE})")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        if (!MosquittoProcess.installed()) {
            DebianTools.ensure(System.out, "mosquitto", MosquittoProcess.BINARY);
        }
        RunDirectory.clear(runDir.resolve("paced"));
        RunDirectory.clear(runDir.resolve("unpaced"));
        Scenario scenario = new ScenarioLoader().load("jincheng");
        List<Scenario.Site> sites = scenario.sites().subList(0, gateways <= 0 ? scenario.sites().size() : Math.min(gateways, scenario.sites().size()));
        System.out.printf("Taihang Edge reconnect storm 重连风暴 — %d gateways reconnect at once, each with %d h of backlog%n", sites.size(), hours);
        StormRun storm = new StormRun(System.out);
        List<StormRun.Figures> figures = new ArrayList<>();
        figures.add(storm.run("paced", sites, hours, true, runDir.toAbsolutePath().resolve("paced")));
        if (unpaced) {
            figures.add(storm.run("unpaced", sites, hours, false, runDir.toAbsolutePath().resolve("unpaced")));
        }
        System.out.println();
        System.out.println("Reconnect storm report 重连风暴报告 (bridge = its own JVM; CPU from /proc, % of one core, 1 s samples)");
        System.out.println("  run       gateways   records   drain s   records/s   bridge CPU mean   peak   CPU s   API median/max ms   /health/ready median/p99/max ms");
        for (StormRun.Figures f : figures) {
            System.out.printf("  %-8s %9d %9d %9.1f %11.0f %16.0f%% %5.0f%% %7.1f   %8d / %-6d   %8d / %d / %d%n", f.label(), f.gateways(), f.records(),
                    f.drainMillis() / 1000.0, f.records() * 1000.0 / Math.max(1, f.drainMillis()), f.bridgeCpuMeanPercent(), f.bridgeCpuPeakPercent(),
                    f.bridgeCpuSeconds(), f.apiMillisMedian(), f.apiMillisMax(), f.healthMillisMedian(), f.healthMillisP99(), f.healthMillisMax());
        }
        System.out.printf("  (API = GET /api/v1/gateways on the read connections; /health/ready answers from memory, the storage checked in the background;%n"
                + "   mosquitto lets %d batches wait at the bridge at once)%n", StormRun.BROKER_INFLIGHT);
        Path chart = StormChart.write(figures, runDir.toAbsolutePath().resolve("storm.png"));
        System.out.println("  chart 图表: " + chart + "  (backlog and bridge CPU, second by second)");
        StormRun.Figures paced = figures.get(0);
        System.out.printf("RESULT storm gateways=%d records=%d drain_s=%.1f bridge_cpu_mean_pct=%.0f bridge_cpu_peak_pct=%.0f api_max_ms=%d ready_p50_ms=%d "
                + "ready_p99_ms=%d%n", paced.gateways(), paced.records(), paced.drainMillis() / 1000.0, paced.bridgeCpuMeanPercent(), paced.bridgeCpuPeakPercent(),
                paced.apiMillisMax(), paced.healthMillisMedian(), paced.healthMillisP99());
        return 0;
    }
}
