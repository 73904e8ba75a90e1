package cn.taihang.roadsensors.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OfflineTrackerTest {

    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final OfflineTracker tracker = new OfflineTracker(3);

    @Test
    void aSensorIsOfflineAfterThreeSilentPeriodsAndBackAtItsNextReport() {
        tracker.expect("vis-1", MINUTE, T0);
        assertThat(tracker.seen("vis-1", MINUTE, T0.plusSeconds(10))).isEmpty();
        assertThat(tracker.check(T0.plusSeconds(190))).isEmpty();
        assertThat(tracker.check(T0.plusSeconds(191))).singleElement().satisfies(c -> {
            assertThat(c.offline()).isTrue();
            assertThat(c.lastSeen()).isEqualTo(T0.plusSeconds(10));
            assertThat(c.silentFor()).isEqualTo(Duration.ofSeconds(181));
        });
        assertThat(tracker.isOffline("vis-1")).isTrue();
        assertThat(tracker.check(T0.plusSeconds(500))).as("reported once").isEmpty();
        assertThat(tracker.seen("vis-1", MINUTE, T0.plusSeconds(600))).hasValueSatisfying(c -> assertThat(c.offline()).isFalse());
        assertThat(tracker.isOffline("vis-1")).isFalse();
    }

    @Test
    void aConfiguredSensorThatNeverReportsGoesOfflineFromWhenItWasExpected() {
        tracker.expect("ice-1", Duration.ofSeconds(10), T0);
        assertThat(tracker.check(T0.plusSeconds(30))).isEmpty();
        assertThat(tracker.check(T0.plusSeconds(31))).extracting(OfflineTracker.Change::sensorId).containsExactly("ice-1");
        assertThat(tracker.lastSeen("ice-1")).isEmpty();
    }

    @Test
    void anUnconfiguredSensorUsesTheDefaultPeriodAndAForgottenOneIsNotChecked() {
        tracker.seen("lab-1", Duration.ofSeconds(5), T0);
        assertThat(tracker.check(T0.plusSeconds(16))).extracting(OfflineTracker.Change::sensorId).containsExactly("lab-1");
        tracker.expect("gone", MINUTE, T0);
        tracker.forget("gone");
        assertThat(tracker.check(T0.plus(Duration.ofHours(1)))).isEmpty();
    }
}
