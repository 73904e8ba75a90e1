package cn.taihang.simulator.faults;

import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.simulator.fleet.FleetException;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.fleet.ProcessFleet;
import cn.taihang.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The crash scenario: a real Mosquitto, the bridge as a child JVM and gateway processes with a load producer inside,
 * under load; gateways are killed with SIGKILL, the broker and the bridge stopped or killed, and restarted, over and
 * over. At the end the load stops, the backlog drains and the ground truth (what every gateway's outbox acknowledged)
 * is compared with what the bridge recorded.
 */
public final class CrashRun {

    private static final List<String> GATEWAY_JVM = List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1");
    private static final List<String> BRIDGE_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final CrashOptions options;
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private final Map<String, Journal> journals = new LinkedHashMap<>();
    private final Map<String, Path> configs = new LinkedHashMap<>();
    private final CrashTally tally = new CrashTally();
    private final CrashTimeline timeline = new CrashTimeline();
    private MosquittoProcess broker;
    private BridgeProcess bridge;
    private ProcessFleet fleet;
    private BridgeRecords records;

    private CrashRun(CrashOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
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
        Files.createDirectories(options.runDir());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("crash-progress"));
        try {
            startAll(scenario);
            ticker.scheduleAtFixedRate(this::tick, 5, 5, TimeUnit.SECONDS);
            List<FaultPlan.Fault> plan = FaultPlan.make(options.killsPerKind(), new ArrayList<>(configs.keySet()), new Random(options.seed()),
                    options.gapMillis(), options.downMillis());
            for (int i = 0; i < plan.size(); i++) {
                apply(i + 1, plan.size(), plan.get(i));
            }
            long drainedIn = stopLoadAndDrain();
            ticker.shutdownNow();
            tick();
            stopAll();
            CrashVerdict verdict = verdict();
            new CrashReport(out).print(options, tally, journals, verdict, drainedIn, timeline.write(options.runDir().resolve("crash.png")));
            return new CrashResult(verdict, tally.leastPerKind(), drainedIn);
        } finally {
            ticker.shutdownNow();
            stopAll();
        }
    }

    private void startAll(Scenario scenario) throws IOException {
        out.printf("Taihang Edge crash scenario 故障注入 — %d gateway processes, %d records/s each, %d faults of each kind%n",
                options.gateways(), options.ratePerGateway(), options.killsPerKind());
        broker = new MosquittoProcess(options.runDir().resolve("broker"), StormRun.BROKER_INFLIGHT).start();
        out.printf("  %s  mosquitto up at %s (pid %d, persistence on)%n", elapsed(), broker.url(), broker.pid());
        bridge = new BridgeProcess(options.runDir().resolve("bridge"), broker.url(), BRIDGE_JVM).start();
        records = new BridgeRecords(bridge.databaseFile());
        out.printf("  %s  bridge up: %s (pid %d)%n", elapsed(), bridge.httpUrl(), bridge.pid());
        fleet = new ProcessFleet(options.distDir(), GATEWAY_JVM, new ProcessFleet.MainClass(LoadGatewayMain.class.getName(), simulatorClasses(),
                List.of("--rate", String.valueOf(options.ratePerGateway()))));
        List<Scenario.Site> sites = scenario.sites().subList(0, Math.min(options.gateways(), scenario.sites().size()));
        for (Scenario.Site site : sites) {
            String id = "gw-" + site.id();
            Path dir = options.runDir().resolve("gateways").resolve(id);
            Path config = dir.resolve("gateway.json");
            LoadGatewayConfig.write(config, id, site.id(), site.bilingualName(), broker.url(), BridgeAccess.enrolGateway(options.runDir(), id, site.id()),
                    Map.of());
            configs.put(id, config);
            journals.put(id, new Journal(dir.resolve("data").resolve(LoadProducer.JOURNAL)));
            GatewayFleet.Started s = startGateway(id);
            out.printf("  %s  gateway %-36s up in %4d ms (pid %d)%n", elapsed(), id, s.readyMillis(), fleet.pid(id));
        }
    }

    private GatewayFleet.Started startGateway(String id) throws IOException {
        try {
            GatewayFleet.Started s = fleet.start(id, configs.get(id), configs.get(id).resolveSibling("data"));
            if (!s.ready()) {
                throw new IOException("gateway " + id + " is not fully up: " + s.detail());
            }
            return s;
        } catch (FleetException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void apply(int n, int of, FaultPlan.Fault fault) throws IOException {
        pause(fault.gapMillis());
        long pid = switch (fault.kind()) {
            case GATEWAY -> fleet.pid(fault.target());
            case BROKER -> broker.pid();
            case BRIDGE -> bridge.pid();
        };
        long down = System.nanoTime();
        out.printf("  %s  [%2d/%d] %s (pid %d)%n", elapsed(), n, of, fault.describe(), pid);
        switch (fault.kind()) {
            case GATEWAY -> fleet.kill(fault.target());
            case BROKER -> {
                if (fault.forcibly()) {
                    broker.kill();
                } else {
                    broker.stop();
                }
            }
            case BRIDGE -> {
                if (fault.forcibly()) {
                    bridge.kill();
                } else {
                    bridge.stop();
                }
            }
        }
        pause(fault.downMillis());
        long restart = System.nanoTime();
        switch (fault.kind()) {
            case GATEWAY -> startGateway(fault.target());
            case BROKER -> broker.start();
            case BRIDGE -> bridge.start();
        }
        long up = System.nanoTime();
        tally.add(fault, (restart - down) / 1_000_000, (up - restart) / 1_000_000);
        timeline.outage(fault.kind(), seconds(down), seconds(up));
        out.printf("  %s          %s back after %d ms down; restart took %d ms%n", elapsed(), fault.target(), (restart - down) / 1_000_000,
                (up - restart) / 1_000_000);
    }

    /** @return ms from the load's stop until the bridge held every acknowledged record, or -1 on timeout */
    private long stopLoadAndDrain() throws IOException {
        long start = System.nanoTime();
        List<Path> unconfirmed = LoadProducer.stopAndAwait(configs.values().stream().map(c -> c.resolveSibling("data")).toList(),
                java.time.Duration.ofSeconds(options.drainTimeoutSeconds()));
        out.printf("  %s  load stopped%s; waiting for the bridge to hold every acknowledged record (at most %d s)%n", elapsed(),
                unconfirmed.isEmpty() ? ", every producer's last record journalled" : " (not confirmed by " + unconfirmed + ")", options.drainTimeoutSeconds());
        long end = start + TimeUnit.SECONDS.toNanos(options.drainTimeoutSeconds());
        while (System.nanoTime() < end) {
            long acknowledged = readJournals();
            if (missing() == 0) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                out.printf("  %s  the bridge holds all %,d acknowledged records (%d ms after the load stopped)%n", elapsed(), acknowledged, ms);
                return ms;
            }
            pause(1000);
        }
        out.printf("  %s  drain timeout: %,d acknowledged records still missing at the bridge%n", elapsed(), missing());
        return -1;
    }

    private long missing() {
        try {
            Map<String, Map<Long, String>> held = BridgeRecords.byGateway(records.rows());
            long missing = 0;
            for (Map.Entry<String, Journal> j : journals.entrySet()) {
                Map<Long, String> atBridge = held.getOrDefault(j.getKey(), Map.of());
                missing += j.getValue().acknowledged().entrySet().stream().filter(e -> !e.getValue().equals(atBridge.get(e.getKey()))).count();
            }
            return missing;
        } catch (SQLException e) {
            return Long.MAX_VALUE;
        }
    }

    private CrashVerdict verdict() throws IOException, SQLException {
        readJournals();
        Map<String, Map<Long, String>> truth = new LinkedHashMap<>();
        journals.forEach((id, j) -> truth.put(id, j.acknowledged()));
        return CrashVerdict.of(truth, records.rows(), records.rejected());
    }

    private long readJournals() throws IOException {
        long total = 0;
        for (Journal j : journals.values()) {
            j.readMore();
            total += j.size();
        }
        return total;
    }

    private void tick() {
        try {
            long acknowledged = readJournals();
            long atBridge = records.count();
            timeline.sample(seconds(System.nanoTime()), acknowledged, atBridge);
            out.printf("  %s  ---- acknowledged by the outboxes %,9d   at the bridge %,9d   gateways up %d/%d%n", elapsed(), acknowledged,
                    atBridge, fleet.running().size(), configs.size());
        } catch (IOException | RuntimeException e) {
            out.printf("  %s  ---- progress unavailable: %s%n", elapsed(), e.getMessage());
        }
    }

    private void stopAll() {
        if (fleet != null) {
            fleet.close();
        }
        if (bridge != null) {
            bridge.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    private double seconds(long nanos) {
        return (nanos - t0) / 1e9;
    }

    private String elapsed() {
        return String.format("t+%4ds", (System.nanoTime() - t0) / 1_000_000_000);
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
