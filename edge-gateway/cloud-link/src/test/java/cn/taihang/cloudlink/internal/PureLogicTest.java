package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Backoff, rate cap and settings validation. */
@Tag("unit")
class PureLogicTest {

    @Test
    void backoffGrowsWithJitterUpToTheCapAndResets() {
        Backoff backoff = new Backoff(500, 30_000, new Random(3));
        long[] delays = new long[12];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = backoff.nextDelayMillis();
        }
        assertThat(delays[0]).isBetween(250L, 500L);
        assertThat(delays[1]).isBetween(500L, 1000L);
        assertThat(delays[3]).isBetween(2000L, 4000L);
        for (int i = 7; i < delays.length; i++) {
            assertThat(delays[i]).isBetween(15_000L, 30_000L);
        }
        assertThat(backoff.attempts()).isEqualTo(12);
        backoff.reset();
        assertThat(backoff.nextDelayMillis()).isBetween(250L, 500L);
    }

    @Test
    void backoffJitterSpreadsGatewaysApart() {
        Backoff a = new Backoff(1000, 30_000, new Random(1));
        Backoff b = new Backoff(1000, 30_000, new Random(2));
        boolean differ = false;
        for (int i = 0; i < 5; i++) {
            differ |= a.nextDelayMillis() != b.nextDelayMillis();
        }
        assertThat(differ).isTrue();
    }

    @Test
    void drainRateAllowsABurstThenMakesTheNextBatchWait() {
        long t = 0;
        DrainRate rate = new DrainRate(100, 50, t);
        assertThat(rate.delayNanos(t)).isZero();
        rate.take(50, t);
        long wait = rate.delayNanos(t);
        assertThat(wait).isEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
        assertThat(rate.delayNanos(t + wait)).isZero();
        rate.take(200, t + wait);
        assertThat(rate.delayNanos(t + wait)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void settingsComeFromTheMetatypeDefaults() {
        LinkSettings s = LinkSettings.defaults("ssl://broker.example:8883");
        assertThat(s.keepAliveSeconds()).isEqualTo(30);
        assertThat(s.inflightRecords()).isEqualTo(500);
        assertThat(s.batchMaxRecords()).isEqualTo(200);
        assertThat(s.maxInflightMessages()).isEqualTo(200);
        assertThat(s.backoffInitialMillis()).isEqualTo(500);
        assertThat(s.backoffMaxMillis()).isEqualTo(30_000);
        assertThat(s.ackTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.drainRatePerSecond()).isEqualTo(2000);
        assertThat(s.reconnectJitterMillis()).isEqualTo(2000);
        assertThat(s.password()).isEmpty();
    }

    @Test
    void settingsRejectBadValuesWithWhatToFix() {
        assertThatThrownBy(() -> LinkSettings.defaults("http://broker:80")).hasMessageContaining("tcp://").hasMessageContaining("cn.taihang.cloudlink");
        assertThatThrownBy(() -> LinkSettings.defaults(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkSettings.defaults("tcp://b:1").withWindow(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkSettings.defaults("tcp://b:1").withTimings(1000, 10, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsNeverPrintThePassword() {
        LinkSettings s = new LinkSettings("tcp://b:1", "gw", "s3cret", 30, 10, 500, 200, 262144, 200, 500, 30000,
                Duration.ofSeconds(30), 2000, 2000, 1000, 15000);
        assertThat(s.toString()).doesNotContain("s3cret").contains("***");
    }
}
