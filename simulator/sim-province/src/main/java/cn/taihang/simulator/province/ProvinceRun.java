package cn.taihang.simulator.province;

import cn.taihang.bridge.ca.CaException;
import cn.taihang.bridge.ca.CityCa;
import cn.taihang.simulator.faults.BridgeProcess;
import cn.taihang.simulator.faults.MosquittoProcess;
import cn.taihang.simulator.run.BridgeAccess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The province run: a real Mosquitto locked down as a city's, the real bridge as a child process on SQLite, the
 * province's virtual gateways enrolled with the run's city CA and connected over mutual TLS from this JVM, making
 * records for the run's seconds, then drained until the bridge acknowledged everything, and their ground truth compared
 * with the bridge's tables. Progress every few seconds, a chart, a summary and the {@code RESULT} line.
 */
public final class ProvinceRun {

    /** Why {@code --instances} above 1 is refused today. */
    public static final String MULTI_INSTANCE_PENDING = "--instances %d: several bridge instances need per-instance bridge state, one shared "
            + "database and exactly-once across instances (issue 15 items 2 and 3), which the bridge does not have yet: with --share-group "
            + "today each instance keeps its own database and one retained bridge/state, so resends would be stored twice. Run --instances 1.";
    private static final long PROGRESS_MILLIS = 5_000;
    private static final int BROKER_MAX_INFLIGHT = 64;

    private final ProvinceOptions options;
    private final PrintStream out;

    /**
     * @param options what to run
     * @param out where progress and the report go
     */
    public ProvinceRun(ProvinceOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the province and reports.
     *
     * @return the figures and the verdict
     * @throws IllegalStateException if more than one instance is asked for ({@link #MULTI_INSTANCE_PENDING})
     * @throws IOException if the broker, the bridge or the CA cannot be started or the chart written
     * @throws SQLException if the bridge's database cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    public ProvinceResult run() throws IOException, SQLException, InterruptedException {
        if (options.instances() > 1) {
            throw new IllegalStateException(String.format(Locale.ROOT, MULTI_INSTANCE_PENDING, options.instances()));
        }
        Path runDir = options.runDir();
        List<ProvinceRoster.GatewaySpec> roster = ProvinceRoster.plan(options.gateways());
        out.printf(Locale.ROOT, "province: %d virtual gateways in Shanxi's 11 cities, %.2f records/s each, %d s, %d bridge instance (SQLite)%n",
                roster.size(), options.recordsPerSecond(), options.seconds(), options.instances());
        long enrolStart = System.nanoTime();
        Map<String, GatewayCredential> credentials;
        try {
            credentials = new ProvinceEnrolment(CityCa.openOrCreate(BridgeAccess.pkiDir(runDir))).enrol(roster);
        } catch (CaException e) {
            throw new IOException("cannot open the run's city CA in " + BridgeAccess.pkiDir(runDir) + ": " + e.getMessage(), e);
        }
        double enrolSeconds = (System.nanoTime() - enrolStart) / 1e9;
        out.printf(Locale.ROOT, "enrolled %d gateways with the run's city CA in %.1f s (%.1f ms each)%n", roster.size(), enrolSeconds,
                1000 * enrolSeconds / roster.size());
        try (MosquittoProcess broker = new MosquittoProcess(runDir.resolve("broker"), BROKER_MAX_INFLIGHT).start();
             BridgeProcess bridge = new BridgeProcess(runDir.resolve("bridge"), broker.url(), List.of("-Xmx1g")).start()) {
            out.println("mosquitto " + broker.url() + " (pid " + broker.pid() + "), bridge " + bridge.httpUrl() + " (pid " + bridge.pid() + ")");
            Vertx vertx = Vertx.vertx();
            try {
                return load(vertx, roster, credentials, broker, bridge, enrolSeconds);
            } finally {
                await(vertx.close(), 30);
            }
        }
    }

    private ProvinceResult load(Vertx vertx, List<ProvinceRoster.GatewaySpec> roster, Map<String, GatewayCredential> credentials, MosquittoProcess broker,
                                BridgeProcess bridge, double enrolSeconds) throws IOException, SQLException, InterruptedException {
        LoadMeter meter = new LoadMeter();
        VirtualGateway.Codecs codecs = VirtualGateway.Codecs.create();
        List<VirtualGateway> gateways = new ArrayList<>(roster.size());
        for (int i = 0; i < roster.size(); i++) {
            ProvinceRoster.GatewaySpec spec = roster.get(i);
            VirtualGateway gateway = new VirtualGateway(spec, credentials.get(spec.gatewayId()), codecs, "127.0.0.1", broker.port(),
                    options.recordsPerSecond(), TimeUnit.SECONDS.toMillis(options.ackTimeoutSeconds()), meter);
            gateways.add(gateway);
            vertx.setTimer(1 + i * 1000L / options.connectsPerSecond(), id -> vertx.deployVerticle(gateway));
        }
        ProcessCpu simulatorCpu = new ProcessCpu(ProcessHandle.current().pid());
        ProcessCpu bridgeCpu = new ProcessCpu(bridge.pid());
        ProcessCpu brokerCpu = new ProcessCpu(broker.pid());
        List<LoadMeter.Interval> intervals = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(options.seconds());
        long steadyAckedFrom = -1;
        long steadyFromNanos = 0;
        double maxRss = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.max(1, Math.min(PROGRESS_MILLIS, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            LoadMeter.Interval interval = meter.sample();
            intervals.add(interval);
            maxRss = Math.max(maxRss, simulatorCpu.residentMib());
            if (steadyAckedFrom < 0 && meter.connected() == roster.size()) {
                steadyAckedFrom = meter.acked();
                steadyFromNanos = System.nanoTime();
            }
            out.printf(Locale.ROOT, "t=%3.0fs connected %d/%d | made %,.0f/s acknowledged %,.0f/s | latency p50 %d ms p99 %d ms | resent %,d, "
                            + "connections lost %d | cpu sim %.0f%% bridge %.0f%% mosquitto %.0f%%, sim rss %.0f MiB%n", interval.seconds(), meter.connected(),
                    roster.size(), interval.madePerSecond(), interval.ackedPerSecond(), interval.p50Millis(), interval.p99Millis(), meter.resent(),
                    meter.connectionsLost(), simulatorCpu.percentSinceLast(), bridgeCpu.percentSinceLast(), brokerCpu.percentSinceLast(), maxRss);
        }
        long loadNanos = System.nanoTime() - start;
        double steadySeconds = steadyAckedFrom < 0 ? 0 : (System.nanoTime() - steadyFromNanos) / 1e9;
        double ackedPerSecond = steadySeconds < PROGRESS_MILLIS / 1000.0 ? meter.acked() / (loadNanos / 1e9)
                : (meter.acked() - steadyAckedFrom) / steadySeconds;
        double[] cpu = {simulatorCpu.meanPercent(), bridgeCpu.meanPercent(), brokerCpu.meanPercent()};
        gateways.forEach(VirtualGateway::stopProducing);
        long unacknowledged = drain(gateways, meter, intervals);
        Map<String, BitSet> groundTruth = new LinkedHashMap<>();
        List<Future<BitSet>> stopped = new ArrayList<>();
        for (VirtualGateway g : gateways) {
            stopped.add(g.shutDown().onSuccess(acked -> {
                synchronized (groundTruth) {
                    groundTruth.put(g.spec().gatewayId(), acked);
                }
            }));
        }
        await(Future.join(stopped), 60);
        intervals.add(meter.sample());
        bridge.stop();
        BridgeLedger.Reconciliation reconciliation;
        synchronized (groundTruth) {
            reconciliation = new BridgeLedger(List.of(bridge.databaseFile())).reconcile(groundTruth);
        }
        Histogram latency = meter.totalLatency();
        ProvinceResult result = new ProvinceResult(roster.size(), options.instances(), reconciliation, unacknowledged, ackedPerSecond,
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), meter.bytes(), enrolSeconds, cpu[0], maxRss, cpu[1], cpu[2]);
        Path chart = new ProvinceChart().write(options.runDir().resolve("province.png"), intervals, roster.size(), options.instances());
        out.println("chart " + chart);
        out.println(result.summary());
        out.println(result.resultLine());
        return result;
    }

    /** Waits until every gateway's records are acknowledged, or the drain timeout. @return records still unacknowledged */
    private long drain(List<VirtualGateway> gateways, LoadMeter meter, List<LoadMeter.Interval> intervals) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainTimeoutSeconds());
        long left;
        do {
            List<Future<Integer>> counts = gateways.stream().map(VirtualGateway::unacknowledged).toList();
            await(Future.join(counts), 30);
            left = counts.stream().mapToLong(f -> f.result() == null ? 0 : f.result()).sum();
            if (left == 0 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        } while (true);
        intervals.add(meter.sample());
        out.printf(Locale.ROOT, "drained: %,d records made, %,d acknowledged, %,d left unacknowledged%n", meter.made(), meter.acked(), left);
        return left;
    }

    private static void await(Future<?> future, int seconds) throws InterruptedException {
        try {
            future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a gateway that did not stop cleanly leaves its will to the broker; the comparison below still holds
        }
    }
}
