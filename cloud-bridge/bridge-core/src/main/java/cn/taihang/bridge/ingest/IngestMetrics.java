package cn.taihang.bridge.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The ingest figures, in Prometheus as {@code bridge_ingest_records_total{outcome}},
 * {@code bridge_ingest_batches_total{outcome}}, {@code bridge_ingest_rejected_total{scope,reason}},
 * {@code bridge_lifecycle_messages_total{kind,outcome}}, {@code bridge_gateways_online} and
 * {@code bridge_ingest_latency_seconds} (arrival of a batch to its acknowledgement being published).
 */
public final class IngestMetrics {

    /** Rejection scope: a whole data batch. */
    public static final String SCOPE_BATCH = "batch";
    /** Rejection scope: one record of a batch (stored in {@code rejected}). */
    public static final String SCOPE_RECORD = "record";
    /** Rejection scope: a birth message. */
    public static final String SCOPE_BIRTH = "birth";
    /** Rejection scope: a death message. */
    public static final String SCOPE_DEATH = "death";
    /** Rejection scope: a topic outside the namespace. */
    public static final String SCOPE_TOPIC = "topic";

    private final MeterRegistry registry;
    private final Counter newRecords;
    private final Counter duplicateRecords;
    private final Counter rejectedRecords;
    private final Counter conflictRecords;
    private final Counter storedBatches;
    private final Counter failedBatches;
    private final Counter undecodableBatches;
    private final Timer latency;
    private volatile long lastCommitNanos;

    /**
     * @param registry where the meters live
     * @param gatewaysOnline how many gateways are online now
     */
    public IngestMetrics(MeterRegistry registry, Supplier<Number> gatewaysOnline) {
        this.registry = registry;
        newRecords = records("new");
        duplicateRecords = records("duplicate");
        rejectedRecords = records("rejected");
        conflictRecords = records("conflict");
        storedBatches = batches("stored");
        failedBatches = batches("failed");
        undecodableBatches = batches("undecodable");
        latency = Timer.builder("bridge.ingest.latency").description("arrival of a data batch to its acknowledgement being sent")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        Gauge.builder("bridge.gateways.online", gatewaysOnline).description("gateways whose latest lifecycle message is a birth")
                .register(registry);
    }

    /** Counts a committed batch. */
    public void batchStored(int newCount, int duplicateCount, int rejectedCount, int conflictCount, long arrivalNanos) {
        storedBatches.increment();
        conflictRecords.increment(conflictCount);
        newRecords.increment(newCount);
        duplicateRecords.increment(duplicateCount);
        rejectedRecords.increment(rejectedCount);
        latency.record(System.nanoTime() - arrivalNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        lastCommitNanos = System.nanoTime();
    }

    /** @return {@link System#nanoTime()} of the latest committed batch, 0 before the first */
    public long lastCommitNanos() {
        return lastCommitNanos;
    }

    /** Counts a batch whose transaction failed (not acknowledged; the gateway resends). */
    public void batchFailed() {
        failedBatches.increment();
    }

    /** Counts a batch that could not be decoded or did not match its topic. */
    public void batchUndecodable(String reason) {
        undecodableBatches.increment();
        rejected(SCOPE_BATCH, reason);
    }

    /** Counts one rejection. */
    public void rejected(String scope, String reason) {
        Counter.builder("bridge.ingest.rejected").description("messages or records refused, by scope and reason")
                .tag("scope", scope).tag("reason", reason).register(registry).increment();
    }

    /** Counts a birth or death with its outcome ({@code accepted}, {@code stale}, {@code rejected}). */
    public void lifecycle(String kind, String outcome) {
        Counter.builder("bridge.lifecycle.messages").description("births and deaths, by outcome")
                .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
    }

    private Counter records(String outcome) {
        return Counter.builder("bridge.ingest.records").description("records received, by outcome").tag("outcome", outcome).register(registry);
    }

    private Counter batches(String outcome) {
        return Counter.builder("bridge.ingest.batches").description("data batches received, by outcome").tag("outcome", outcome).register(registry);
    }
}
