package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The crash scenario: a {@link LoadCity} (a real Mosquitto, the bridge as a child JVM and gateway processes with a
 * load producer inside) under load; gateways are killed with SIGKILL, the broker and the bridge stopped or killed, and
 * restarted, over and over. At the end the load stops, the backlog drains and the ground truth (what every gateway's
 * outbox acknowledged) is compared with what the bridge recorded.
 */
public final class CrashRun {

    private final CrashOptions options;
    private final PrintStream out;
    private final LoadCity city;
    private final CrashTally tally = new CrashTally();
    private final CrashTimeline timeline = new CrashTimeline();

    private CrashRun(CrashOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.city = new LoadCity(options.runDir(), options.distDir(), options.ratePerGateway(), out);
    }

    /**
     * Runs the scenario and prints progress and the report.
     *
     * @return the verdict
     * @throws IOException if a component cannot start
     */
    public static CrashResult run(Scenario scenario, CrashOptions options, PrintStream out) throws IOException, SQLException {
        return new CrashRun(options, out).execute(scenario);
    }

    /**
     * What a crash run found.
     *
     * @param verdict ground truth against the bridge
     * @param leastFaultsPerKind the fewest faults applied of any kind
     * @param drainMillis from the load's stop until the bridge held every acknowledged record, -1 on timeout
     */
    public record CrashResult(CrashVerdict verdict, int leastFaultsPerKind, long drainMillis) {}

    private CrashResult execute(Scenario scenario) throws IOException, SQLException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("crash-progress"));
        try (city) {
            out.printf("Taihang Edge crash scenario 故障注入 — %d gateway processes, %d records/s each, %d faults of each kind%n",
                    options.gateways(), options.ratePerGateway(), options.killsPerKind());
            city.start(scenario.sites().subList(0, Math.min(options.gateways(), scenario.sites().size())));
            ticker.scheduleAtFixedRate(this::tick, 5, 5, TimeUnit.SECONDS);
            List<FaultPlan.Fault> plan = FaultPlan.make(options.killsPerKind(), new ArrayList<>(city.gatewayIds()), new Random(options.seed()),
                    options.gapMillis(), options.downMillis());
            for (int i = 0; i < plan.size(); i++) {
                apply(i + 1, plan.size(), plan.get(i));
            }
            long drainedIn = city.stopLoadAndDrain(Duration.ofSeconds(options.drainTimeoutSeconds()));
            ticker.shutdownNow();
            tick();
            city.close();
            CrashVerdict verdict = city.verdict();
            new CrashReport(out).print(options, tally, city.journals(), verdict, drainedIn, timeline.write(options.runDir().resolve("crash.png")));
            return new CrashResult(verdict, tally.leastPerKind(), drainedIn);
        } finally {
            ticker.shutdownNow();
        }
    }

    private void apply(int n, int of, FaultPlan.Fault fault) throws IOException {
        pause(fault.gapMillis());
        long pid = switch (fault.kind()) {
            case GATEWAY -> city.fleet().pid(fault.target());
            case BROKER -> city.broker().pid();
            case BRIDGE -> city.bridge().pid();
        };
        long down = System.nanoTime();
        out.printf("  %s  [%2d/%d] %s (pid %d)%n", city.elapsed(), n, of, fault.describe(), pid);
        switch (fault.kind()) {
            case GATEWAY -> city.fleet().kill(fault.target());
            case BROKER -> {
                if (fault.forcibly()) {
                    city.broker().kill();
                } else {
                    city.broker().stop();
                }
            }
            case BRIDGE -> {
                if (fault.forcibly()) {
                    city.bridge().kill();
                } else {
                    city.bridge().stop();
                }
            }
        }
        pause(fault.downMillis());
        long restart = System.nanoTime();
        switch (fault.kind()) {
            case GATEWAY -> city.startGateway(fault.target());
            case BROKER -> city.broker().start();
            case BRIDGE -> city.bridge().start();
        }
        long up = System.nanoTime();
        tally.add(fault, (restart - down) / 1_000_000, (up - restart) / 1_000_000);
        timeline.outage(fault.kind(), city.seconds(down), city.seconds(up));
        out.printf("  %s          %s back after %d ms down; restart took %d ms%n", city.elapsed(), fault.target(), (restart - down) / 1_000_000,
                (up - restart) / 1_000_000);
    }

    private void tick() {
        try {
            long acknowledged = city.acknowledged();
            long atBridge = city.atBridge();
            timeline.sample(city.seconds(System.nanoTime()), acknowledged, atBridge);
            out.printf("  %s  ---- acknowledged by the outboxes %,9d   at the bridge %,9d   gateways up %d/%d%n", city.elapsed(), acknowledged,
                    atBridge, city.fleet().running().size(), city.gatewayIds().size());
        } catch (IOException | RuntimeException e) {
            out.printf("  %s  ---- progress unavailable: %s%n", city.elapsed(), e.getMessage());
        }
    }

    /** @return the simulator's classes (a directory or jar), for a gateway JVM's class path */
    static Path simulatorClasses() throws IOException {
        try {
            return Path.of(LoadGatewayMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the simulator's classes", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
