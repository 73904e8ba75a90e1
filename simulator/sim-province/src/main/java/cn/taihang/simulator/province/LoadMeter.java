package cn.taihang.simulator.province;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What every virtual gateway of a run counts, from any event loop: records made, sent, acknowledged and sent again,
 * bytes published, connections, and the ingest latency (record time to the bridge's acknowledgement). The run reads it
 * interval by interval ({@link #sample}), from one thread.
 */
public final class LoadMeter {

    private static final long MAX_LATENCY_MILLIS = TimeUnit.HOURS.toMillis(1);

    /**
     * One interval's figures.
     *
     * @param seconds seconds since the meter was made, at the end of the interval
     * @param madePerSecond records made per second
     * @param ackedPerSecond records acknowledged (first time) per second
     * @param p50Millis median ingest latency of the interval's acknowledgements, ms (0 without any)
     * @param p99Millis 99th percentile, ms
     */
    public record Interval(double seconds, double madePerSecond, double ackedPerSecond, long p50Millis, long p99Millis) {}

    final LongAdder made = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder resent = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder births = new LongAdder();
    final LongAdder connectionsLost = new LongAdder();
    final AtomicInteger connected = new AtomicInteger();
    private final Recorder latency = new Recorder(MAX_LATENCY_MILLIS, 3);
    private final Histogram total = new Histogram(MAX_LATENCY_MILLIS, 3);
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private long lastMade;
    private long lastAcked;

    /** An acknowledgement arrived for a record of that time. */
    void latency(long recordTimeMillis, long nowMillis) {
        latency.recordValue(Math.max(0, Math.min(MAX_LATENCY_MILLIS, nowMillis - recordTimeMillis)));
    }

    /** @return the figures since the previous call (or since the meter was made); adds its latencies to the run's total */
    public synchronized Interval sample() {
        long now = System.nanoTime();
        Histogram interval = latency.getIntervalHistogram();
        total.add(interval);
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        long madeNow = made.sum();
        long ackedNow = acked.sum();
        Interval result = new Interval((now - startNanos) / 1e9, (madeNow - lastMade) / seconds, (ackedNow - lastAcked) / seconds,
                interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(50), interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99));
        lastNanos = now;
        lastMade = madeNow;
        lastAcked = ackedNow;
        return result;
    }

    /** @return the run's latencies so far (those sampled), ms; a copy */
    public synchronized Histogram totalLatency() {
        return total.copy();
    }

    /** @return records made */
    public long made() {
        return made.sum();
    }

    /** @return records acknowledged for the first time */
    public long acked() {
        return acked.sum();
    }

    /** @return records sent again (acknowledgement overdue, or the connection lost) */
    public long resent() {
        return resent.sum();
    }

    /** @return bytes published (births, data batches, deaths) */
    public long bytes() {
        return bytes.sum();
    }

    /** @return births published */
    public long births() {
        return births.sum();
    }

    /** @return connections lost */
    public long connectionsLost() {
        return connectionsLost.sum();
    }

    /** @return gateways connected now */
    public int connected() {
        return connected.get();
    }
}
