package cn.taihang.simulator.mobility;

import cn.taihang.simulator.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./taihang sim golden-week}: holiday peaks, high-speed-rail arrivals, rides on the 38 tourist lines and one-way
 * rentals around Golden Week, with and without dispatch; writes a Markdown report and PNG charts.
 */
@Command(name = "golden-week", mixinStandardHelpOptions = true,
        description = "Golden Week 黄金周: passenger-flow forecasts per hub (MASE), waits and denied boardings with vs without extra departures, "
                + "rental availability with min-cost-flow, greedy or no rebalancing. Simulated time; takes seconds.")
public final class GoldenWeekCommand implements Callable<Integer> {

    @Option(names = "--year", defaultValue = "2026", description = "Golden Week of this year (2024-2026 have exact holiday tables; default ${DEFAULT-VALUE})")
    int year;

    @Option(names = "--seed", defaultValue = "2023", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "run/sim/golden-week", description = "where the report and charts go (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        System.setProperty("java.awt.headless", "true");
        PrintStream console = System.out;
        console.printf("Golden Week %d 黄金周仿真: simulating %s … %s%n", year, GoldenWeekRun.Settings.goldenWeek(year, seed).historyFrom(),
                GoldenWeekRun.Settings.goldenWeek(year, seed).to());
        long t0 = System.nanoTime();
        GoldenWeekRun.Result result = new GoldenWeekRun(new ScenarioLoader().load("jincheng"), GoldenWeekRun.Settings.goldenWeek(year, seed)).run();
        Files.createDirectories(out);
        List<Path> charts = GoldenWeekCharts.write(result, out);
        String report = GoldenWeekReport.markdown(result, charts);
        Path md = out.resolve("report.md");
        Files.writeString(md, report, StandardCharsets.UTF_8);
        console.println(report);
        console.printf("report 报告: %s%ncharts 图表: %s%n(%.1f s)%n", md.toAbsolutePath(), out.toAbsolutePath(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
