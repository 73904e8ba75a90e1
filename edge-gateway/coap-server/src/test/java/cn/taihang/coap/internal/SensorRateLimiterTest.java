package cn.taihang.coap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SensorRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final SensorRateLimiter limiter = new SensorRateLimiter(6, 3, nanos::get);

    @Test
    void aBurstThenOneRequestPerTenSecondsPerSensor() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        assertThat(limiter.acquire("a")).isEqualTo(10);
        assertThat(limiter.acquire("b")).as("buckets are per sensor").isZero();
        nanos.addAndGet(4_000_000_000L);
        assertThat(limiter.acquire("a")).isEqualTo(6);
        nanos.addAndGet(6_000_000_000L);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(10);
    }
}
