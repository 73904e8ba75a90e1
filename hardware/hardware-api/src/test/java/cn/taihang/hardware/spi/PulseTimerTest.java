package cn.taihang.hardware.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PulseTimerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger ends = new AtomicInteger();
    private final PulseTimer timer = new PulseTimer(scheduler, ends::incrementAndGet);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void endsOnceAfterThePulse() {
        timer.extend(Duration.ofMillis(20));
        assertThat(timer.running()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> ends.get() == 1);
        assertThat(timer.running()).isFalse();
    }

    @Test
    void aShorterPulseKeepsTheLongerEnd() {
        timer.extend(Duration.ofMinutes(1));
        timer.extend(Duration.ofMillis(10));

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> ends.get() == 0);
        assertThat(timer.running()).isTrue();
    }

    @Test
    void aLongerPulseReplacesTheShorterEnd() {
        timer.extend(Duration.ofMillis(10));
        timer.extend(Duration.ofMillis(60));

        await().atMost(Duration.ofSeconds(5)).until(() -> ends.get() == 1);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> ends.get() == 1);
    }

    @Test
    void cancelForgetsThePulse() {
        timer.extend(Duration.ofMillis(20));
        timer.cancel();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> ends.get() == 0);
        assertThat(timer.running()).isFalse();
    }

    @Test
    void refusesNonPositiveLengths() {
        assertThatThrownBy(() -> timer.extend(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timer.extend(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timer.extend(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
