package cn.taihang.simulator.faults;

import cn.taihang.simulator.fleet.FleetException;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.fleet.ProcessFleet;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A city under synthetic load with its ground truth, as the crash and soak scenarios play it: a real Mosquitto (TLS,
 * persistence on), the bridge as a child JVM, and one gateway process per site — the distribution's Felix with a load
 * producer feeding its outbox and journalling every record the outbox acknowledged. Faults are applied from outside
 * through {@link #broker()}, {@link #bridge()} and {@link #fleet()}; at the end {@link #stopLoadAndDrain} and
 * {@link #verdict()} compare the journals with what the bridge recorded. Not thread-safe except for the read-only
 * progress methods ({@link #acknowledged()}, {@link #atBridge()}).
 */
public final class LoadCity implements AutoCloseable {

    /** The gateway JVMs' options: a Pi-class heap. */
    public static final List<String> GATEWAY_JVM = List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1");
    /** The files of a gateway's data directory that belong to its load producer (the ground truth), not to the gateway. */
    public static final java.util.Set<String> LOAD_FILES = java.util.Set.of(LoadProducer.JOURNAL, LoadProducer.STOP_FILE, LoadProducer.STOPPED_FILE);
    private static final List<String> BRIDGE_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path runDir;
    private final Path distDir;
    private final int ratePerGateway;
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private final Map<String, Journal> journals = new LinkedHashMap<>();
    private final Map<String, Path> configs = new LinkedHashMap<>();
    private MosquittoProcess broker;
    private BridgeProcess bridge;
    private ProcessFleet fleet;
    private BridgeRecords records;

    /**
     * @param runDir where the broker, the bridge and the gateways keep their files
     * @param distDir the gateway distribution
     * @param ratePerGateway synthetic records per second and gateway
     * @param out where progress lines go
     */
    public LoadCity(Path runDir, Path distDir, int ratePerGateway, PrintStream out) {
        if (ratePerGateway < 1) {
            throw new IllegalArgumentException("the load needs a rate of at least 1 record/s per gateway, was " + ratePerGateway);
        }
        this.runDir = runDir;
        this.distDir = distDir;
        this.ratePerGateway = ratePerGateway;
        this.out = out;
    }

    /**
     * Starts the broker, the bridge and one load gateway per site (enrolled with the run's city CA), each fully up.
     *
     * @throws IOException if a part cannot start or a gateway is not fully up
     */
    public void start(List<Scenario.Site> sites) throws IOException {
        Files.createDirectories(runDir);
        broker = new MosquittoProcess(runDir.resolve("broker"), StormRun.BROKER_INFLIGHT).start();
        out.printf("  %s  mosquitto up at %s (pid %d, persistence on)%n", elapsed(), broker.url(), broker.pid());
        bridge = new BridgeProcess(runDir.resolve("bridge"), broker.url(), BRIDGE_JVM).start();
        records = new BridgeRecords(bridge.databaseFile());
        out.printf("  %s  bridge up: %s (pid %d)%n", elapsed(), bridge.httpUrl(), bridge.pid());
        fleet = new ProcessFleet(distDir, GATEWAY_JVM, new ProcessFleet.MainClass(LoadGatewayMain.class.getName(), CrashRun.simulatorClasses(),
                List.of("--rate", String.valueOf(ratePerGateway))));
        for (Scenario.Site site : sites) {
            String id = "gw-" + site.id();
            Path config = runDir.resolve("gateways").resolve(id).resolve("gateway.json");
            LoadGatewayConfig.write(config, id, site.id(), site.bilingualName(), broker.url(), BridgeAccess.enrolGateway(runDir, id, site.id()),
                    Map.of());
            configs.put(id, config);
            journals.put(id, new Journal(dataDir(id).resolve(LoadProducer.JOURNAL)));
            GatewayFleet.Started s = startGateway(id);
            out.printf("  %s  gateway %-36s up in %4d ms (pid %d)%n", elapsed(), id, s.readyMillis(), fleet.pid(id));
        }
    }

    /** Starts a gateway process again (after a kill). @throws IOException if it does not come fully up */
    public GatewayFleet.Started startGateway(String id) throws IOException {
        Files.deleteIfExists(dataDir(id).resolve(LoadProducer.STOP_FILE));
        Files.deleteIfExists(dataDir(id).resolve(LoadProducer.STOPPED_FILE));
        try {
            GatewayFleet.Started s = fleet.start(id, configs.get(id), dataDir(id));
            if (!s.ready()) {
                throw new IOException("gateway " + id + " is not fully up: " + s.detail());
            }
            return s;
        } catch (FleetException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** @return the gateways' ids, in start order */
    public List<String> gatewayIds() {
        return List.copyOf(configs.keySet());
    }

    /** @return a gateway's data directory (its store, its load journal) */
    public Path dataDir(String id) {
        return runDir.resolve("gateways").resolve(id).resolve("data");
    }

    /** @return a gateway's configuration file (a cloned card runs from the same one) */
    public Path configFile(String id) {
        return configs.get(id);
    }

    /** @return every event each gateway's outbox acknowledged so far, {@code gateway -> (event id -> seq)} */
    public Map<String, Map<String, Long>> acknowledgedEvents() throws IOException {
        Map<String, Map<String, Long>> events = new LinkedHashMap<>();
        for (Map.Entry<String, Journal> j : journals.entrySet()) {
            j.getValue().readMore();
            events.put(j.getKey(), j.getValue().events());
        }
        return events;
    }

    /** @return what the bridge recorded, read from its database file */
    public BridgeRecords records() {
        return records;
    }

    /** @return the load journal of a gateway process running from this data directory (a cloned card's too) */
    public static Journal journalIn(Path dataDir) {
        return new Journal(dataDir.resolve(LoadProducer.JOURNAL));
    }

    /** @return the broker (started) */
    public MosquittoProcess broker() {
        return broker;
    }

    /** @return the bridge (started) */
    public BridgeProcess bridge() {
        return bridge;
    }

    /** @return the gateway processes */
    public ProcessFleet fleet() {
        return fleet;
    }

    /** @return records the gateways' outboxes acknowledged so far (the journals read on) */
    public long acknowledged() throws IOException {
        long total = 0;
        for (Journal j : journals.values()) {
            j.readMore();
            total += j.size();
        }
        return total;
    }

    /** @return synthetic records the bridge holds now */
    public long atBridge() {
        return records.count();
    }

    /**
     * Stops every load producer, waits until each has journalled what it had in flight, then until the bridge holds every
     * acknowledged record.
     *
     * @return ms from the stop until the bridge held them all, or -1 if it did not within the timeout
     */
    public long stopLoadAndDrain(Duration timeout) throws IOException {
        long start = System.nanoTime();
        List<Path> unconfirmed = LoadProducer.stopAndAwait(configs.keySet().stream().map(this::dataDir).toList(), timeout);
        out.printf("  %s  load stopped%s; waiting for the bridge to hold every acknowledged record (at most %d s)%n", elapsed(),
                unconfirmed.isEmpty() ? ", every producer's last record journalled" : " (not confirmed by " + unconfirmed + ")", timeout.toSeconds());
        long end = start + timeout.toNanos();
        while (System.nanoTime() < end) {
            long acknowledged = acknowledged();
            if (missing() == 0) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                out.printf("  %s  the bridge holds all %,d acknowledged records (%d ms after the load stopped)%n", elapsed(), acknowledged, ms);
                return ms;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
        out.printf("  %s  drain timeout: %,d acknowledged records still missing at the bridge%n", elapsed(), missing());
        return -1;
    }

    /**
     * Stops one gateway's load producer and waits until it has journalled what it had in flight and the bridge holds every
     * record it acknowledged (a gateway with nothing left to send); {@link #startGateway} after a kill starts its load again.
     *
     * @return whether all that happened within the timeout
     */
    public boolean quiesce(String id, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        if (!LoadProducer.stopAndAwait(List.of(dataDir(id)), timeout).isEmpty()) {
            return false;
        }
        while (System.nanoTime() < end) {
            acknowledged();
            if (missing(id) == 0) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        return false;
    }

    private long missing(String id) {
        return missing(List.of(id));
    }

    private long missing() {
        return missing(journals.keySet());
    }

    /**
     * @return records these gateways' outboxes acknowledged that the bridge holds neither as they were acknowledged nor
     *     kept aside as a conflict (another record had taken their key: a restored backup's, a cloned card's)
     */
    private long missing(java.util.Collection<String> ids) {
        try {
            Map<String, Map<Long, String>> held = BridgeRecords.byGateway(records.rows());
            java.util.Set<String> aside = new java.util.HashSet<>();
            records.conflicts().forEach(r -> aside.add(r.gateway() + " " + r.seq() + " " + r.event()));
            long missing = 0;
            for (String id : ids) {
                Map<Long, String> atBridge = held.getOrDefault(id, Map.of());
                missing += journals.get(id).acknowledged().entrySet().stream()
                        .filter(e -> !e.getValue().equals(atBridge.get(e.getKey())) && !aside.contains(id + " " + e.getKey() + " " + e.getValue())).count();
            }
            return missing;
        } catch (SQLException e) {
            return Long.MAX_VALUE;
        }
    }

    /** @return the ground truth (the journals) against what the bridge recorded */
    public CrashVerdict verdict() throws IOException, SQLException {
        acknowledged();
        Map<String, Map<Long, String>> truth = new LinkedHashMap<>();
        journals.forEach((id, j) -> truth.put(id, j.acknowledged()));
        return CrashVerdict.of(truth, records.rows(), records.rejected());
    }

    Map<String, Journal> journals() {
        return journals;
    }

    /** @return seconds since this city was made, of a {@link System#nanoTime()} reading */
    public double seconds(long nanos) {
        return (nanos - t0) / 1e9;
    }

    /** @return {@code t+<s>s}, for progress lines */
    public String elapsed() {
        return String.format("t+%4ds", (System.nanoTime() - t0) / 1_000_000_000);
    }

    /** Stops the gateways, the bridge and the broker (what was started). */
    @Override
    public void close() {
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
}
