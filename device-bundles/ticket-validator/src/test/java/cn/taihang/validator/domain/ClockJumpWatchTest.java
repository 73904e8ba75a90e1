package cn.taihang.validator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The wall clock against a monotonic one: forward steps are taken, backward ones beyond the threshold are not. */
@Tag("unit")
class ClockJumpWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private final ClockJumpWatch watch = new ClockJumpWatch(Duration.ofMinutes(10));

    @Test
    void aRunningClockAndAForwardStepAreNotBehind() {
        assertThat(watch.behind(T0, 5_000_000_000L)).isZero();
        assertThat(watch.behind(T0.plusSeconds(60), 65_000_000_000L)).isZero();
        assertThat(watch.behind(T0.plus(Duration.ofDays(10)), 66_000_000_000L)).as("NTP correcting a late clock").isZero();
    }

    @Test
    void aBackwardStepBeyondTheThresholdIsCaughtAndForgottenOnceTheClockIsRightAgain() {
        watch.behind(T0, 0);
        Duration small = watch.behind(T0.minusSeconds(120), 1_000_000_000L);
        assertThat(watch.tooFarBack(small)).as("2 min back: within the threshold").isFalse();
        Duration big = watch.behind(T0.minus(Duration.ofHours(3)), 2_000_000_000L);
        assertThat(big).isEqualTo(Duration.ofHours(3).plusSeconds(2));
        assertThat(watch.tooFarBack(big)).isTrue();
        assertThat(watch.tooFarBack(watch.behind(T0.plusSeconds(3), 3_000_000_000L))).as("stepped right again").isFalse();
    }
}
