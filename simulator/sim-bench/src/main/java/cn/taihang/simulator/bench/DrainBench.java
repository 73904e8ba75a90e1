package cn.taihang.simulator.bench;

import cn.taihang.cloudlink.embedded.EmbeddedUplink;
import cn.taihang.cloudlink.embedded.UplinkOptions;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.Kind;
import cn.taihang.identity.TlsContext;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.simulator.run.SimulatedGatewayIdentity;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.gateway.spi.StoredRecord;
import cn.taihang.store.embedded.EmbeddedStore;
import cn.taihang.store.embedded.StoreOptions;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.Topics;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drain rate: the uplink moving a store's backlog over a local Mosquitto to an {@link Acknowledger} (deleted only on
 * its acknowledgement, as with the bridge), against {@code mosquitto_pub -q 1 -M <window>} sending the same batch
 * payloads with the same window of messages in flight.
 */
final class DrainBench {

    static final String SITE = "jincheng-hsr-east";
    static final String GATEWAY = "gw-jincheng-hsr-east";

    /** One measured run. */
    record Run(String what, long records, long messages, double seconds) {
        double rate() {
            return records / seconds;
        }
    }

    private final Path dir;
    private final BenchRows rows;
    private final String brokerUrl;
    private final int brokerPort;
    private double lastCpuSeconds;
    private double lastAckedSeconds;
    private double lastConnectMillis;
    private java.util.function.LongSupplier acknowledged = () -> Long.MAX_VALUE;

    DrainBench(Path dir, BenchRows rows, String brokerUrl, int brokerPort) {
        this.dir = dir;
        this.rows = rows;
        this.brokerUrl = brokerUrl;
        this.brokerPort = brokerPort;
    }

    /** @return messages in flight the uplink allows with these settings: its record window in batches, within Paho's limit */
    static int messageWindow(UplinkOptions settings) {
        return Math.min(settings.maxInflightMessages(), (settings.inflightRecords() + settings.batchMaxRecords() - 1) / settings.batchMaxRecords());
    }

    /** The uplink draining a full store, the drain rate cap lifted. */
    Run uplink(int round, UplinkOptions base) throws Exception {
        Path file = fresh("uplink-" + round).resolve("store.db");
        try (EmbeddedStore store = EmbeddedStore.open(StoreOptions.defaults(file).withQuota(1L << 40, 0))) {
            fill(store);
            UplinkOptions settings = base.withReconnectJitter(0).withDrainRate(100_000_000);
            long t0 = System.nanoTime();
            try (EmbeddedUplink uplink = EmbeddedUplink.start(settings, SimulatedGatewayIdentity.enrolled(dir, GATEWAY, SITE, "bench"), store.queue(), store.counters(), "bench")) {
                long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
                while (uplink.health().status() != HealthReport.Status.UP && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                long connected = System.nanoTime();
                lastConnectMillis = (connected - t0) / 1e6;
                long cpu0 = processCpuNanos();
                long ackedTarget = acknowledged.getAsLong() + rows.records().size();
                long allAcked = 0;
                while (total(store) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                    if (allAcked == 0 && acknowledged.getAsLong() >= ackedTarget) {
                        allAcked = System.nanoTime();
                    }
                }
                double seconds = (System.nanoTime() - connected) / 1e9;
                lastAckedSeconds = ((allAcked == 0 ? System.nanoTime() : allAcked) - connected) / 1e9;
                lastCpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                long batches = ((Number) uplink.health().details().get("batchesSent")).longValue();
                return new Run("uplink → mosquitto → acknowledger, deleted on ack (" + settings.inflightRecords() + " records / "
                        + messageWindow(settings) + " batches in flight)", rows.records().size(), batches, seconds);
            }
        }
    }

    /** mosquitto_pub sending the same number of batches, each the payload of a full batch of these records. */
    Run mosquittoPub(int round, int batchRecords, int window) throws Exception {
        Path run = fresh("pub-" + round);
        Path payload = run.resolve("batch.cbor");
        Files.write(payload, samplePayload(batchRecords));
        long messages = (rows.records().size() + batchRecords - 1) / batchRecords;
        long t0 = System.nanoTime();
        IdentityFiles publisher = IdentityFiles.in(BridgeAccess.enrolGateway(dir, GATEWAY + "-pub", SITE));
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(brokerPort), "-t", Topics.data(SITE, GATEWAY + "-pub"),
                "-q", "1", "-M", String.valueOf(window), "-f", payload.toString(), "--repeat", String.valueOf(messages), "-i", "bench-pub-" + round, "--nodelay",
                "--cafile", publisher.caCertificates().toString(), "--cert", publisher.certificate().toString(), "--key", publisher.key().toString())
                .redirectErrorStream(true).redirectOutput(run.resolve("mosquitto_pub.out").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("mosquitto_pub failed; see " + run.resolve("mosquitto_pub.out"));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Run("mosquitto_pub -q 1 -M " + window + " --nodelay (TLS, its own certificate), the same " + Files.size(payload) + "-byte batch payload", messages * batchRecords, messages,
                seconds);
    }

    /** @return a batch payload as the uplink sends it, made from the first records */
    private byte[] samplePayload(int batchRecords) throws Exception {
        Path file = fresh("sample").resolve("store.db");
        try (EmbeddedStore store = EmbeddedStore.open(StoreOptions.defaults(file))) {
            for (OutboundRecord r : rows.records().subList(0, batchRecords)) {
                store.outbox().publish(r).toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            List<StoredRecord> claimed = store.queue().claim(batchRecords);
            List<RecordFrame> frames = claimed.stream().map(r -> new RecordFrame(r.seq(), r.timeMillis(), r.device(), r.kind(), r.priority().code(), true,
                    r.body())).toList();
            return new BatchCodec().encode(new DataBatch(GATEWAY, frames));
        }
    }

    private void fill(EmbeddedStore store) throws Exception {
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(10_000);
        java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        for (OutboundRecord r : rows.records()) {
            window.acquire();
            store.outbox().publish(r).whenComplete((seq, error) -> {
                if (error != null) {
                    refused.incrementAndGet();
                }
                window.release();
            });
        }
        window.acquire(10_000);
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " records were refused while filling the store");
        }
    }

    private static long total(EmbeddedStore store) {
        return store.queue().backlog().values().stream().mapToLong(ClassBacklog::records).sum();
    }

    /** Tells the bench how many records the receiving side has acknowledged so far. */
    void acknowledgedBy(java.util.function.LongSupplier counter) {
        this.acknowledged = counter;
    }

    /** @return seconds until the receiver had acknowledged every record in the last uplink run (deletes may still run) */
    double lastAckedSeconds() {
        return lastAckedSeconds;
    }

    /** @return CPU seconds this JVM (uplink, store and acknowledger) used in the last uplink run */
    /** @return milliseconds from the last uplink's start until it was up: TLS handshake, CONNECT, subscriptions, birth */
    double lastConnectMillis() {
        return lastConnectMillis;
    }

    /**
     * The handshake's cost alone, side by side: {@code n} TCP connects to the broker's port, and {@code n} connects each
     * followed by the TLS handshake with the bench gateway's certificate (client authentication, the broker's chain and
     * CRL checked).
     *
     * @return the median milliseconds of a plain TCP connect and of a TCP connect with the TLS handshake
     */
    double[] handshakeMillis(int n) throws Exception {
        SSLSocketFactory tls = TlsContext.client(IdentityFiles.in(BridgeAccess.enrolGateway(dir, GATEWAY, SITE))).accept(Kind.BRIDGE, Kind.BROKER)
                .build().socketFactory();
        double[] tcp = new double[n];
        double[] handshake = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try (Socket plain = new Socket("127.0.0.1", brokerPort)) {
                tcp[i] = (System.nanoTime() - t0) / 1e6;
            }
            t0 = System.nanoTime();
            try (SSLSocket socket = (SSLSocket) tls.createSocket("127.0.0.1", brokerPort)) {
                socket.startHandshake();
                handshake[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        java.util.Arrays.sort(tcp);
        java.util.Arrays.sort(handshake);
        return new double[] {tcp[n / 2], handshake[n / 2]};
    }

    double lastCpuSeconds() {
        return lastCpuSeconds;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private Path fresh(String name) throws IOException {
        Path p = dir.resolve(name);
        if (Files.exists(p)) {
            try (var files = Files.walk(p)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        return Files.createDirectories(p);
    }
}
