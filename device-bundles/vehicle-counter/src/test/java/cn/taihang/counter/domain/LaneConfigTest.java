package cn.taihang.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LaneConfigTest {

    private static String problem(UnaryOperator<LaneConfig.Builder> change) {
        try {
            change.apply(LaneConfig.builder("post-zw-03-l1", 17).loopBPin(27)).build();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("config was accepted");
    }

    @Test
    void theBuilderStartsFromTheDefaults() {
        LaneConfig config = LaneConfig.builder("post-zw-03-l1", 17).build();
        assertThat(config.dualLoop()).isFalse();
        assertThat(config.loopBPin()).isEqualTo(LaneConfig.NO_LOOP);
        assertThat(config.loopSpacingMeters()).isEqualTo(4.0);
        assertThat(config.loopLengthMeters()).isEqualTo(2.0);
        assertThat(config.debounceMicros()).isEqualTo(20_000);
        assertThat(config.intervalMicros()).isEqualTo(60_000_000);
        assertThat(config.graceMicros()).isEqualTo(5_000_000);
        assertThat(config.maxOccupiedMicros()).isEqualTo(120_000_000);
        assertThat(config.missingLoopTimeoutMicros()).isEqualTo(3_000_000);
        assertThat(config.classifier()).isEqualTo(LengthClassifier.defaults());
        assertThat(LaneConfig.builder("l", 17).loopBPin(27).build().dualLoop()).isTrue();
    }

    @Test
    void intervalsAreAlignedToMultiplesOfTheirLengthSinceTheEpoch() {
        LaneConfig config = LaneConfig.builder("l", 17).interval(Duration.ofSeconds(300)).build();
        long aligned = 1_700_000_100_000_000L;
        assertThat(aligned % 300_000_000L).isZero();
        assertThat(config.intervalStartMicros(aligned)).isEqualTo(aligned);
        assertThat(config.intervalStartMicros(aligned + 299_999_999)).isEqualTo(aligned);
        assertThat(config.intervalStartMicros(aligned - 1)).isEqualTo(aligned - 300_000_000);
        assertThat(config.intervalStartMicros(-1)).isEqualTo(-300_000_000);
    }

    @Test
    void theSamePinForBothLoopsIsRefused() {
        assertThat(problem(b -> b.loopBPin(17))).isEqualTo("loopAPin and loopBPin are both GPIO 17: wire loop B to its own "
                + "input and set loopBPin to it, or set loopBPin to -1 for a single-loop lane");
    }

    @Test
    void badPinsAreRefused() {
        assertThatThrownBy(() -> LaneConfig.builder("l", -1).build()).hasMessage(
                "loopAPin must be the GPIO number (0 or more) that loop A's detector output is wired to, was -1");
        assertThat(problem(b -> b.loopBPin(-2))).startsWith("loopBPin must be the GPIO number").endsWith("was -2");
    }

    @Test
    void aBadDeviceIdIsRefused() {
        assertThatThrownBy(() -> LaneConfig.builder("lane 1", 17).build())
                .hasMessage("device id must be 1-96 letters, digits or _ . / : - (e.g. post-zw-03-l1), was 'lane 1'");
        assertThatThrownBy(() -> LaneConfig.builder("", 17).build()).hasMessageContaining("was ''");
        assertThatThrownBy(() -> LaneConfig.builder(null, 17).build()).hasMessageContaining("was 'null'");
        assertThatThrownBy(() -> LaneConfig.builder("x".repeat(97), 17).build()).hasMessageContaining("1-96");
    }

    @Test
    void aSpacingOfZeroOrLessIsRefused() {
        assertThat(problem(b -> b.loopSpacingMeters(0))).isEqualTo("loopSpacingMeters must be at least " + LaneConfig.MIN_LOOP_METERS + " (leading edge of "
                + "loop A to leading edge of loop B, e.g. 4.0), was 0.0");
        assertThat(problem(b -> b.loopSpacingMeters(-4))).endsWith("was -4.0");
        assertThat(problem(b -> b.loopSpacingMeters(Double.NaN))).endsWith("was NaN");
        assertThat(problem(b -> b.loopSpacingMeters(Double.POSITIVE_INFINITY))).startsWith("loopSpacingMeters must be at least " + LaneConfig.MIN_LOOP_METERS );
    }

    @Test
    void aLoopLengthOfZeroOrLessIsRefused() {
        assertThat(problem(b -> b.loopLengthMeters(0))).isEqualTo("loopLengthMeters must be at least " + LaneConfig.MIN_LOOP_METERS + " (length of one loop "
                + "along the lane, e.g. 2.0), was 0.0");
    }

    @Test
    void overlappingLoopsAreRefusedOnlyOnDualLoopLanes() {
        assertThat(problem(b -> b.loopSpacingMeters(1.5))).isEqualTo("loopSpacingMeters (1.5) is less than loopLengthMeters "
                + "(2.0), so the loops would overlap: measure the spacing from leading edge to leading edge");
        assertThat(LaneConfig.builder("l", 17).loopSpacingMeters(1.5).build().loopSpacingMeters()).isEqualTo(1.5);
        assertThat(LaneConfig.builder("l", 17).loopBPin(27).loopSpacingMeters(2.0).build().dualLoop()).isTrue();
    }

    @Test
    void anIntervalMustDivideAnHour() {
        assertThat(problem(b -> b.interval(Duration.ofSeconds(70))))
                .isEqualTo("intervalSeconds must divide an hour (e.g. 30, 60, 300, 900), was 70.0");
        assertThat(problem(b -> b.interval(Duration.ZERO))).startsWith("intervalSeconds must divide an hour");
        assertThat(problem(b -> b.interval(Duration.ofSeconds(7200)))).startsWith("intervalSeconds must divide an hour");
        assertThat(problem(b -> b.interval(Duration.ofMillis(1500)))).endsWith("was 1.5");
        for (int seconds : new int[] {1, 10, 30, 60, 300, 900, 3600}) {
            assertThat(LaneConfig.builder("l", 17).grace(Duration.ZERO).interval(Duration.ofSeconds(seconds)).build()
                    .intervalMicros()).isEqualTo(seconds * 1_000_000L);
        }
    }

    @Test
    void theGraceMustBeShorterThanTheInterval() {
        assertThat(problem(b -> b.interval(Duration.ofSeconds(10)).grace(Duration.ofSeconds(10))))
                .isEqualTo("graceSeconds must be 0 or more and shorter than the interval (10 s), was 10 s");
        assertThat(problem(b -> b.grace(Duration.ofSeconds(-1)))).endsWith("was -1 s");
    }

    @Test
    void theDebounceIsLimited() {
        assertThat(problem(b -> b.debounce(Duration.ofMillis(101)))).isEqualTo("debounceMillis must be between 0 ms and "
                + "100 ms (longer would swallow short fast vehicles), was 101 ms");
        assertThat(problem(b -> b.debounce(Duration.ofMillis(-1)))).endsWith("was -1 ms");
        assertThat(LaneConfig.builder("l", 17).debounce(Duration.ZERO).build().debounceMicros()).isZero();
    }

    @Test
    void theTimeoutsAreLimited() {
        assertThat(problem(b -> b.maxOccupied(Duration.ZERO))).isEqualTo("maxOccupiedSeconds must be between 1 s and 86400 s "
                + "(a loop occupied longer than this is reported as stuck), was 0 s");
        assertThat(problem(b -> b.missingLoopTimeout(Duration.ofMillis(50)))).startsWith(
                "missingLoopTimeoutMillis must be between 100 ms and 60000 ms").endsWith("was 50 ms");
    }
}
