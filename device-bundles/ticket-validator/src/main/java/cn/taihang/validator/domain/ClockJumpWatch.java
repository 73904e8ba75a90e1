package cn.taihang.validator.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Notices the wall clock going back: compares it with a monotonic clock. The wall clock minus the monotonic one is steady
 * while the clock runs; it grows when the clock is stepped forward (kept: NTP correcting a late clock) and shrinks when it
 * is stepped back. While it is more than the threshold below the highest it has been, the clock has gone back that far —
 * enough to let a used or expired ticket through again — and scans are to be refused. Pure and thread-safe.
 */
public final class ClockJumpWatch {

    private final long thresholdMillis;
    private long highestOffsetMillis = Long.MIN_VALUE;

    /** @param threshold how far back the clock may go before scans are refused, positive */
    public ClockJumpWatch(Duration threshold) {
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("the clock jump threshold must be positive, was " + threshold);
        }
        this.thresholdMillis = threshold.toMillis();
    }

    /**
     * @param wall the wall clock now
     * @param monotonicNanos the monotonic clock now ({@link System#nanoTime()})
     * @return how far the wall clock is behind where it was going, {@link Duration#ZERO} if not behind
     */
    public synchronized Duration behind(Instant wall, long monotonicNanos) {
        long offset = wall.toEpochMilli() - Math.floorDiv(monotonicNanos, 1_000_000L);
        highestOffsetMillis = Math.max(highestOffsetMillis, offset);
        return Duration.ofMillis(highestOffsetMillis - offset);
    }

    /** @return whether a clock that far behind ({@link #behind}) went back more than the threshold */
    public boolean tooFarBack(Duration behind) {
        return behind.toMillis() > thresholdMillis;
    }
}
