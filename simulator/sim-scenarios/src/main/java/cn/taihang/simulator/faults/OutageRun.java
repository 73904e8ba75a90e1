package cn.taihang.simulator.faults;

import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.cloudlink.embedded.EmbeddedUplink;
import cn.taihang.cloudlink.embedded.UplinkOptions;
import cn.taihang.simulator.run.SimulatedGatewayIdentity;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.store.embedded.EmbeddedStore;
import cn.taihang.store.embedded.StoreOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outage scenario: one hub gateway's store and uplink (the same classes its bundles run, outside OSGi so that the
 * store's clock can be simulated) cut off from the bridge for a number of simulated hours — the records of those
 * hours are produced in seconds with a simulated clock, so timestamps, storage times, TTL expiry and eviction
 * behave as over the real hours — then the link comes back and the backlog drains over a byte-counting proxy to
 * the real bridge (embedded broker). Reports what was kept, evicted and expired per class, bytes per record on disk
 * and on the wire, and the drain time.
 */
public final class OutageRun {

    /**
     * How to run it.
     *
     * @param hours simulated hours cut off
     * @param quotaBytes the store's quota
     * @param seed randomness of the workload
     * @param runDir where the store and the bridge's database go
     */
    public record Options(int hours, long quotaBytes, long seed, Path runDir) {}

    /**
     * What it found.
     *
     * @param stored records the store took, per class
     * @param evicted records evicted for the quota, per class
     * @param expired records past their TTL, per class
     * @param atBridge records the bridge holds, per class
     * @param criticalMissing critical records the store took that the bridge does not hold
     * @param notHistorical backlog records the bridge holds without the historical mark
     * @param drainMillis from the link's return until the backlog was empty
     */
    public record Result(Map<Priority, Long> stored, Map<Priority, Long> evicted, Map<Priority, Long> expired, Map<Priority, Long> atBridge,
                         long criticalMissing, long notHistorical, long drainMillis) {}

    private static final String SITE = "jincheng-hsr-east";
    private static final String GATEWAY = "gw-jincheng-hsr-east";
    private static final int WINDOW = 5000;

    private final Options options;
    private final PrintStream out;
    private final Map<Priority, AtomicLong> stored = new EnumMap<>(Priority.class);
    private final Map<Priority, AtomicLong> refused = new EnumMap<>(Priority.class);
    private final Set<Long> criticalSeqs = ConcurrentHashMap.newKeySet();
    private final OutageChart chart = new OutageChart();

    private OutageRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        for (Priority p : Priority.values()) {
            stored.put(p, new AtomicLong());
            refused.put(p, new AtomicLong());
        }
    }

    /** Runs the scenario and prints its report. */
    public static Result run(Options options, PrintStream out) throws Exception {
        return new OutageRun(options, out).execute();
    }

    private Result execute() throws Exception {
        Files.createDirectories(options.runDir());
        RunningBridge bridge = Bridge.start(BridgeAccess.secure(BridgeOptions.ephemeral(options.runDir().resolve("bridge")), options.runDir())).toCompletableFuture().get(120, TimeUnit.SECONDS);
        try (CountingProxy link = new CountingProxy("127.0.0.1", bridge.mqttPort())) {
            link.cut();
            Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant start = end.minus(Duration.ofHours(options.hours()));
            SimulatedClock clock = new SimulatedClock(start);
            StoreOptions settings = StoreOptions.defaults(options.runDir().resolve("gateway").resolve("store.db")).withQuota(options.quotaBytes(), 0);
            out.printf("Taihang Edge outage scenario 断网 — gateway %s cut off for %d simulated hours, store quota %,d bytes%n", GATEWAY,
                    options.hours(), options.quotaBytes());
            out.printf("  bridge up: %s; the gateway's link goes through a byte-counting proxy, now cut%n", bridge.brokerUrl());
            try (EmbeddedStore store = EmbeddedStore.open(settings.withClock(clock));
                 EmbeddedUplink uplink = EmbeddedUplink.start(UplinkOptions.defaults(link.url()),
                         SimulatedGatewayIdentity.enrolled(options.runDir(), GATEWAY, SITE, "晋城高铁东站 Jincheng HSR East"), store.queue(), store.counters(),
                         "outage-scenario")) {
                long t0 = System.nanoTime();
                produce(store, clock, start, end);
                clock.followRealTime();
                out.printf("  %d simulated hours produced in %.1f s of real time%n", options.hours(), (System.nanoTime() - t0) / 1e9);
                Map<String, Object> health = store.health().details();
                long backlogRecords = store.queue().backlog().values().stream().mapToLong(ClassBacklog::records).sum();
                long usedBytes = store.queue().backlog().values().stream().mapToLong(ClassBacklog::bytes).sum();
                long fileBytes = fileBytes(settings.file());
                printBacklog(store, health);
                out.printf("  chart 图表: %s%n", chart.write(options.runDir().resolve("outage.png"), options.quotaBytes(), options.hours()));

                long restored = System.nanoTime();
                link.restore();
                long upBefore = link.upstreamBytes();
                long downBefore = link.downstreamBytes();
                out.println("  link restored; waiting for the uplink to reconnect (its backoff is at its cap after a long outage) and drain");
                long connected = awaitConnected(uplink);
                long drained = awaitDrained(store);
                Map<String, Object> link2 = uplink.health().details();
                BridgeView view = BridgeView.read(bridge.databaseFile(), GATEWAY, criticalSeqs);
                Result result = new Result(counts(stored), perClass(health, ".evicted"), perClass(health, ".expired"), view.perClass(),
                        view.criticalMissing(), view.notHistorical(), (drained - restored) / 1_000_000);
                new OutageReport(out).print(options, result, backlogRecords, usedBytes, fileBytes, (connected - restored) / 1_000_000,
                        (drained - connected) / 1_000_000, link.upstreamBytes() - upBefore, link.downstreamBytes() - downBefore,
                        ((Number) link2.get("bytesSent")).longValue(), ((Number) link2.get("recordsSent")).longValue());
                return result;
            }
        } finally {
            bridge.close();
        }
    }

    private void produce(EmbeddedStore store, SimulatedClock clock, Instant start, Instant end) throws Exception {
        HubWorkload workload = new HubWorkload(GATEWAY.substring(3), options.seed());
        Semaphore window = new Semaphore(WINDOW);
        long sweep = Duration.ofMinutes(5).toSeconds();
        long report = Duration.ofHours(12).toSeconds();
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(1)) {
            clock.set(t);
            for (OutboundRecord r : workload.second(t)) {
                window.acquire();
                store.outbox().publish(r).whenComplete((seq, error) -> {
                    if (error == null) {
                        stored.get(r.priority()).incrementAndGet();
                        if (r.priority() == Priority.CRITICAL) {
                            criticalSeqs.add(seq);
                        }
                    } else {
                        refused.get(r.priority()).incrementAndGet();
                    }
                    window.release();
                });
            }
            long s = t.getEpochSecond() - start.getEpochSecond();
            if (s % sweep == 0) {
                window.acquire(WINDOW);
                window.release(WINDOW);
                store.expireNow().toCompletableFuture().get(60, TimeUnit.SECONDS);
                if (s % 3600 == 0) {
                    chart.sample(s / 3600.0, store.queue().backlog());
                }
            }
            if (s > 0 && s % report == 0) {
                out.printf("  simulated %3d h: %,9d records stored, backlog %,d bytes%n", s / 3600, stored.values().stream().mapToLong(AtomicLong::get).sum(),
                        store.queue().backlog().values().stream().mapToLong(ClassBacklog::bytes).sum());
            }
        }
        window.acquire(WINDOW);
        window.release(WINDOW);
        store.expireNow().toCompletableFuture().get(60, TimeUnit.SECONDS);
        chart.sample(Duration.between(start, end).toSeconds() / 3600.0, store.queue().backlog());
        long refusedTotal = refused.values().stream().mapToLong(AtomicLong::get).sum();
        if (refusedTotal > 0) {
            out.printf("  refused by the store: %s%n", counts(refused));
        }
    }

    private void printBacklog(EmbeddedStore store, Map<String, Object> health) {
        out.println("  backlog after the outage:");
        store.queue().backlog().forEach((p, b) -> out.printf("    %-8s %,9d records %,12d bytes   evicted %,8d   expired %,8d%n", p, b.records(), b.bytes(),
                ((Number) health.get(p.name().toLowerCase() + ".evicted")).longValue(), ((Number) health.get(p.name().toLowerCase() + ".expired")).longValue()));
    }

    private static long awaitConnected(EmbeddedUplink uplink) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline && uplink.health().status() != HealthReport.Status.UP) {
            Thread.sleep(50);
        }
        return System.nanoTime();
    }

    private static long awaitDrained(EmbeddedStore store) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline && store.queue().backlog().values().stream().mapToLong(ClassBacklog::records).sum() > 0) {
            Thread.sleep(50);
        }
        return System.nanoTime();
    }

    private static long fileBytes(Path db) throws IOException {
        long total = 0;
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path f = db.resolveSibling(db.getFileName() + suffix);
            total += Files.exists(f) ? Files.size(f) : 0;
        }
        return total;
    }

    private static Map<Priority, Long> counts(Map<Priority, AtomicLong> counters) {
        Map<Priority, Long> map = new EnumMap<>(Priority.class);
        counters.forEach((p, n) -> map.put(p, n.get()));
        return map;
    }

    private static Map<Priority, Long> perClass(Map<String, Object> health, String suffix) {
        Map<Priority, Long> map = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            map.put(p, ((Number) health.get(p.name().toLowerCase() + suffix)).longValue());
        }
        return map;
    }
}
