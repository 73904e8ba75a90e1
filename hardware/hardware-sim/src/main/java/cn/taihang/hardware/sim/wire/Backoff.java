package cn.taihang.hardware.sim.wire;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter: the n-th delay is drawn from [cap/2, cap) where
 * cap = min(max, initial × 2ⁿ), so a fleet of gateways that lost the harness together does not
 * dial back in lock-step. Not thread-safe; one dialling thread owns it.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int attempt;

    /**
     * @param initial first delay's upper bound, positive
     * @param max cap of every delay, not below {@code initial}
     * @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
     */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        if (initialMillis <= 0 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, was " + initial + " / " + max);
        }
        this.random = random;
    }

    /** @return how long to wait before the next attempt; grows until the cap */
    public Duration next() {
        long cap = attempt >= 31 ? maxMillis : Math.min(maxMillis, initialMillis << attempt);
        attempt++;
        long half = cap / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (cap - half)));
    }

    /** Starts again from the initial delay, after a success. */
    public void reset() {
        attempt = 0;
    }
}
