package cn.taihang.cloudlink.internal;

/**
 * Caps the records sent per second (a token bucket that may go into debt: a whole batch is sent once a token
 * is there, and the next waits until the debt is paid). Not thread-safe.
 */
final class DrainRate {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    DrainRate(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
        this.lastNanos = nowNanos;
    }

    /** @return nanoseconds to wait before the next batch, 0 if it may go now */
    long delayNanos(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Records that {@code records} were sent. */
    void take(int records, long nowNanos) {
        refill(nowNanos);
        tokens -= records;
    }

    private void refill(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
        lastNanos = nowNanos;
    }
}
