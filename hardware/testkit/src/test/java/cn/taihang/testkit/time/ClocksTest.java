package cn.taihang.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ClocksTest {

    private static final Instant T0 = Instant.parse("2025-05-01T02:00:00Z");

    @Test
    void aManualClockStandsStillUntilMoved() {
        ManualClock clock = new ManualClock(T0);
        assertThat(clock.instant()).isEqualTo(T0);
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(300));
        clock.set(T0);
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void aRunningClockRunsAndJumps() {
        RunningClock clock = new RunningClock(T0);
        Instant first = clock.instant();
        assertThat(first).isAfterOrEqualTo(T0).isBefore(T0.plusSeconds(60));
        clock.jump(Duration.ofHours(1));
        assertThat(clock.instant()).isAfterOrEqualTo(first.plusSeconds(3600));
    }
}
