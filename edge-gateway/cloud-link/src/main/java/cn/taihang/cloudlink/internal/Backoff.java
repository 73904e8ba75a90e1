package cn.taihang.cloudlink.internal;

import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter: the n-th delay is drawn from [d/2, d] where d = min(cap, first × 2ⁿ),
 * so gateways that lost the broker together do not come back together. Not thread-safe.
 */
final class Backoff {

    private final long firstMillis;
    private final long capMillis;
    private final RandomGenerator random;
    private int attempt;

    Backoff(long firstMillis, long capMillis, RandomGenerator random) {
        if (firstMillis < 1 || capMillis < firstMillis) {
            throw new IllegalArgumentException("backoff needs 1 <= first <= cap, was " + firstMillis + " and " + capMillis);
        }
        this.firstMillis = firstMillis;
        this.capMillis = capMillis;
        this.random = random;
    }

    /** @return the delay before the next attempt, in ms */
    long nextDelayMillis() {
        long ceiling = attempt >= 62 ? capMillis : Math.min(capMillis, firstMillis << Math.min(attempt, 40));
        attempt++;
        long half = ceiling / 2;
        return half + random.nextLong(ceiling - half + 1);
    }

    /** @return attempts since the last reset */
    int attempts() {
        return attempt;
    }

    /** Starts again from the first delay, after a successful connect. */
    void reset() {
        attempt = 0;
    }
}
