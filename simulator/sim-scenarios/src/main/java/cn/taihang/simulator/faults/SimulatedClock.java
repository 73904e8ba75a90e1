package cn.taihang.simulator.faults;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the scenario moves forward by hand (simulated hours pass in seconds) until it is told to follow the real
 * clock, from then on running with it. Thread-safe.
 */
final class SimulatedClock extends Clock {

    private volatile Instant now;
    private volatile boolean real;

    SimulatedClock(Instant start) {
        this.now = start;
    }

    /** Moves the simulated time to {@code instant} (never backwards). */
    void set(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    /** From now on the clock is the real one. */
    void followRealTime() {
        real = true;
    }

    @Override
    public Instant instant() {
        return real ? Instant.now() : now;
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
