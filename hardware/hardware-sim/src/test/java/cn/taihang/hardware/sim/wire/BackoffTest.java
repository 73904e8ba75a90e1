package cn.taihang.hardware.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BackoffTest {

    @Test
    void doublesUpToTheCapWithinTheJitterBand() {
        Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.0);
        Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.999_999);

        long[] low = new long[10];
        long[] high = new long[10];
        for (int i = 0; i < 10; i++) {
            low[i] = lowest.next().toMillis();
            high[i] = highest.next().toMillis();
        }
        assertThat(low).containsExactly(50, 100, 200, 400, 800, 1600, 2500, 2500, 2500, 2500);
        assertThat(high).containsExactly(99, 199, 399, 799, 1599, 3199, 4999, 4999, 4999, 4999);
    }

    @Test
    void resetStartsOverAndManyFailuresNeverOverflow() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 0.5);
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.next()).isBetween(Duration.ofMillis(50), Duration.ofSeconds(5));
        }
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(75));
    }

    @Test
    void refusesAnInvertedRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofMillis(100), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMillis(100), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
