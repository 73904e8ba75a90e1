package cn.taihang.testkit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until the test moves it: {@link #advance} and {@link #set}. For code whose deadlines a test
 * applies by moving the clock and then asking it to look (a tick); nothing waits for real time. Thread-safe; UTC.
 * (A clock that never moves is the JDK's {@link Clock#fixed}; one that runs with real time and can be jumped forward
 * is a {@link RunningClock}.)
 */
public final class ManualClock extends Clock {

    private volatile Instant now;

    /** @param start the instant it shows until moved, never {@code null} */
    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** Sets the clock to an instant, never {@code null}. */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
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
