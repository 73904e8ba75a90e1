package cn.taihang.coap.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per sensor: {@code burst} requests at once, then {@code perMinute} a minute. */
final class SensorRateLimiter {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final int MAX_SENSORS = 100_000;

    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SensorRateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        this.tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes a token for the sensor.
     *
     * @return 0 if the request may go ahead, else the whole seconds (at least 1) until it may
     */
    long acquire(String sensor) {
        if (buckets.size() >= MAX_SENSORS && !buckets.containsKey(sensor)) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(sensor, s -> new Bucket(burst, nanoClock.getAsLong()));
        synchronized (bucket) {
            long now = nanoClock.getAsLong();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * tokensPerNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - bucket.tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
