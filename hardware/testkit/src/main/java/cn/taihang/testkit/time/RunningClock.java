package cn.taihang.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that starts at a given instant, runs with real (monotonic) time, and jumps forward when the test says so:
 * for code that also waits for real time (polls, timeouts on a socket) while the test skips its long deadlines
 * (minutes of silence, an hour's status record). Thread-safe; UTC. (A clock that stands still is a {@link ManualClock}.)
 */
public final class RunningClock extends Clock {

    private final Instant start;
    private final long startNanos = System.nanoTime();
    private volatile Duration jumped = Duration.ZERO;

    /** @param start the instant it shows now, never {@code null} */
    public RunningClock(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
    }

    /** Jumps forward by {@code by}, on top of the real time that passes. */
    public void jump(Duration by) {
        jumped = jumped.plus(by);
    }

    @Override
    public Instant instant() {
        return start.plus(jumped).plusNanos(System.nanoTime() - startNanos);
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
