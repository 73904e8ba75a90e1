package cn.taihang.simulator;

import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.run.NetworkRun;
import cn.taihang.simulator.run.RunOptions;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the bridge, its broker and simulated Jincheng gateways, and runs until the duration or Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Bridge + embedded MQTT broker + simulated Jincheng gateways with traffic on their loops.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gateways", defaultValue = "0", description = "how many gateways (default: the whole city, 34)")
    int gateways;

    @Option(names = "--duration", defaultValue = "0", description = "seconds to run (default: until Ctrl-C)")
    int durationSeconds;

    @Option(names = "--http-port", defaultValue = "8080", description = "bridge HTTP port (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--mode", defaultValue = "IN_PROCESS", description = "IN_PROCESS (one JVM) or PROCESSES (a JVM per gateway); default ${DEFAULT-VALUE}")
    GatewayFleet.Mode mode;

    @Option(names = "--interval", defaultValue = "30", description = "vehicle-count interval in seconds (default: ${DEFAULT-VALUE})")
    int intervalSeconds;

    @Option(names = "--scale", defaultValue = "1", description = "traffic volume multiplier (default: ${DEFAULT-VALUE} = the scenario's volumes)")
    double scale;

    @Option(names = "--hour", defaultValue = "-1", description = "drive as at this local hour of the day, 0-23 (default: the clock in Asia/Shanghai)")
    int hour;

    @Option(names = "--seed", defaultValue = "2023", description = "traffic random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--run-dir", defaultValue = "run/demo", description = "where gateway data and the bridge database go (default: ${DEFAULT-VALUE})")
    Path runDir;

    @Option(names = "--keep", description = "keep the run directory of the previous demo (its stores and the bridge's database) instead of starting fresh")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        RunOptions options;
        try {
            options = new RunOptions(gateways, mode, httpPort, intervalSeconds, scale, hour, seed, runDir.toAbsolutePath(), DistributionDir.locate());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!keep) {
            RunDirectory.clear(runDir);
        }
        Scenario scenario = new ScenarioLoader().load("jincheng");
        out.printf("Taihang Edge demo — %s / %s%n", scenario.zh(), scenario.en());
        long t0 = System.nanoTime();
        NetworkRun run = NetworkRun.start(scenario, options, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("stopping: gateways send their death messages, the bridge its offline state…");
            run.close();
            stopped.countDown();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Path operatorToken = OperatorToken.write(run.bridge(), runDir.resolve(OperatorToken.FILE));
        DemoProgress progress = new DemoProgress(run, out);
        progress.printSummary(Duration.ofNanos(System.nanoTime() - t0));
        OperatorToken.printUsage(out, run.bridge(), runDir, operatorToken);
        long end = durationSeconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds) : Long.MAX_VALUE;
        while (System.nanoTime() < end) {
            if (stopped.await(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS)) {
                return 0;
            }
            progress.printTick();
        }
        progress.printFinal();
        Runtime.getRuntime().removeShutdownHook(hook);
        run.close();
        return 0;
    }
}
