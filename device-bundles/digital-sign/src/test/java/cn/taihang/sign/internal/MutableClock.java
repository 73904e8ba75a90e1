package cn.taihang.sign.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that starts at a given instant, runs with real time, and jumps forward when a test says so. */
final class MutableClock extends Clock {

    private final Instant start;
    private final long startNanos = System.nanoTime();
    private volatile Duration offset = Duration.ZERO;

    MutableClock(Instant start) {
        this.start = start;
    }

    void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return start.plus(offset).plusNanos(System.nanoTime() - startNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
