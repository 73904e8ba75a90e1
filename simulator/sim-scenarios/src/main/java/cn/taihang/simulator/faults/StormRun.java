package cn.taihang.simulator.faults;

import cn.taihang.cloudlink.embedded.EmbeddedUplink;
import cn.taihang.cloudlink.embedded.UplinkOptions;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.simulator.run.SimulatedGatewayIdentity;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.store.embedded.EmbeddedStore;
import cn.taihang.store.embedded.StoreOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.simulator.run.BridgeAccess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A reconnect storm: every gateway of the city comes back at once with the backlog of an outage, against the bridge
 * as its own process behind a real Mosquitto. The gateways are the real store and uplink classes (one SQLite file and
 * one MQTT connection each) hosted in this JVM, so the bridge's process can be measured alone: its CPU (from
 * {@code /proc}), its ingest rate, and how long its HTTP API takes to answer meanwhile. Run once with the uplinks'
 * pacing (start jitter, drain rate cap: the defaults) and once without, for comparison.
 */
final class StormRun {

    /**
     * What one storm measured.
     *
     * @param label paced or unpaced
     * @param gateways gateways reconnecting
     * @param records backlog records in total
     * @param drainMillis from the reconnect until every backlog was acknowledged
     * @param bridgeCpuMeanPercent the bridge's mean CPU over the drain, % of one core
     * @param bridgeCpuPeakPercent the bridge's highest 1 s sample
     * @param bridgeCpuSeconds CPU seconds the bridge used
     * @param apiMillisMax slowest answer of {@code GET /api/v1/gateways} (read connections) during the drain
     * @param apiMillisMedian its median answer time
     * @param healthMillisMax slowest answer of {@code GET /health/ready} (answered from memory; the storage is checked in the background)
     * @param healthMillisMedian its median answer time
     * @param healthMillisP99 its 99th percentile
     * @param backlogPerSecond the gateways' backlog in total, sampled each second from the reconnect
     * @param bridgeCpuPerSecond the bridge's CPU, % of one core, each second from the reconnect
     */
    record Figures(String label, int gateways, long records, long drainMillis, double bridgeCpuMeanPercent, double bridgeCpuPeakPercent,
                   double bridgeCpuSeconds, long apiMillisMax, long apiMillisMedian, long healthMillisMax, long healthMillisMedian,
                   long healthMillisP99, List<Long> backlogPerSecond, List<Double> bridgeCpuPerSecond) {}

    /** Mosquitto's in-flight window towards the bridge: it bounds how many batches wait at the bridge at once. */
    static final int BROKER_INFLIGHT = 100;

    private final PrintStream out;

    StormRun(PrintStream out) {
        this.out = out;
    }

    Figures run(String label, List<Scenario.Site> sites, int backlogHours, boolean paced, Path dir) throws Exception {
        List<EmbeddedStore> stores = new ArrayList<>();
        List<EmbeddedUplink> uplinks = new ArrayList<>();
        try (MosquittoProcess broker = new MosquittoProcess(dir.resolve("broker"), BROKER_INFLIGHT).start()) {
            long records = 0;
            for (Scenario.Site site : sites) {
                EmbeddedStore store = backlog(site, backlogHours, dir.resolve("gateways").resolve("gw-" + site.id()).resolve("store.db"));
                stores.add(store);
                records += total(store);
            }
            out.printf("  [%s] %d gateways with %,d backlog records (%d h of a hub's records each); starting the bridge%n", label, sites.size(), records,
                    backlogHours);
            BridgeProcess bridge = new BridgeProcess(dir.resolve("bridge"), broker.url(), List.of("-Xmx512m")).start();
            try {
                UplinkOptions settings = UplinkOptions.defaults(broker.url());
                if (!paced) {
                    settings = settings.withReconnectJitter(0).withDrainRate(1_000_000);
                }
                HttpClient https = BridgeAccess.httpClient(bridge.caCertificates());
                String token = BridgeAccess.token(bridge.tokenIssuerDir(), "simulator-storm", Duration.ofHours(1), Scopes.TELEMETRY_READ);
                ApiProbe api = new ApiProbe(https, bridge.httpUrl() + "/api/v1/gateways", token);
                ApiProbe health = new ApiProbe(https, bridge.httpUrl() + "/health/ready", token);
                try (CpuSampler cpu = new CpuSampler(bridge.pid(), 1000).start()) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < sites.size(); i++) {
                        Scenario.Site site = sites.get(i);
                        GatewayIdentity identity = SimulatedGatewayIdentity.enrolled(dir, "gw-" + site.id(), site.id(), site.bilingualName());
                        uplinks.add(EmbeddedUplink.start(settings, identity, stores.get(i).queue(), stores.get(i).counters(), "storm"));
                    }
                    api.start();
                    health.start();
                    long deadline = t0 + TimeUnit.MINUTES.toNanos(20);
                    long next = t0;
                    List<Long> backlog = new ArrayList<>(List.of(records));
                    long nextSample = t0 + TimeUnit.SECONDS.toNanos(1);
                    while (stores.stream().mapToLong(StormRun::total).sum() > 0 && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                        if (System.nanoTime() > nextSample) {
                            backlog.add(stores.stream().mapToLong(StormRun::total).sum());
                            nextSample += TimeUnit.SECONDS.toNanos(1);
                        }
                        if (System.nanoTime() > next) {
                            out.printf("  [%s] t+%5.1fs  backlog %,9d  bridge CPU so far %4.0f%% of a core (peak %4.0f%%)%n", label, (System.nanoTime() - t0) / 1e9,
                                    stores.stream().mapToLong(StormRun::total).sum(), cpu.meanPercent(), cpu.peakPercent());
                            next = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        }
                    }
                    long drain = (System.nanoTime() - t0) / 1_000_000;
                    cpu.close();
                    api.stop();
                    health.stop();
                    backlog.add(0L);
                    return new Figures(label, sites.size(), records, drain, cpu.meanPercent(), cpu.peakPercent(), cpu.cpuSeconds(), api.max(), api.median(),
                            health.max(), health.median(), health.p99(), List.copyOf(backlog), cpu.samples());
                }
            } finally {
                uplinks.forEach(EmbeddedUplink::close);
                bridge.stop();
            }
        } finally {
            stores.forEach(EmbeddedStore::close);
        }
    }

    private static EmbeddedStore backlog(Scenario.Site site, int hours, Path file) throws Exception {
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SimulatedClock clock = new SimulatedClock(end.minus(Duration.ofHours(hours)));
        EmbeddedStore store = EmbeddedStore.open(StoreOptions.defaults(file).withClock(clock));
        HubWorkload workload = new HubWorkload(site.id(), site.id().hashCode());
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        for (Instant t = end.minus(Duration.ofHours(hours)); t.isBefore(end); t = t.plusSeconds(1)) {
            clock.set(t);
            for (OutboundRecord r : workload.second(t)) {
                pending.add(store.outbox().publish(r).toCompletableFuture());
            }
            if (pending.size() > 2000) {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                pending.clear();
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        clock.followRealTime();
        return store;
    }

    private static long total(EmbeddedStore store) {
        return store.queue().backlog().values().stream().mapToLong(ClassBacklog::records).sum();
    }

    /** Asks one of the bridge's URLs every 250 ms and keeps the answer times. */
    private static final class ApiProbe {
        private final HttpClient http;
        private final URI uri;
        private final String token;
        private final List<Long> millis = new ArrayList<>();
        private volatile boolean running;
        private Thread thread;

        ApiProbe(HttpClient http, String url, String token) {
            this.http = http;
            this.uri = URI.create(url);
            this.token = token;
        }

        void start() {
            running = true;
            thread = DaemonThreads.start("api-probe", () -> {
                while (running) {
                    long t = System.nanoTime();
                    try {
                        http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        synchronized (millis) {
                            millis.add((System.nanoTime() - t) / 1_000_000);
                        }
                        Thread.sleep(250);
                    } catch (IOException e) {
                        synchronized (millis) {
                            millis.add((System.nanoTime() - t) / 1_000_000);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(35_000);
        }

        long max() {
            synchronized (millis) {
                return millis.stream().mapToLong(Long::longValue).max().orElse(0);
            }
        }

        long median() {
            return quantile(0.5);
        }

        long p99() {
            return quantile(0.99);
        }

        private long quantile(double q) {
            synchronized (millis) {
                List<Long> sorted = millis.stream().sorted().toList();
                return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
            }
        }
    }
}
