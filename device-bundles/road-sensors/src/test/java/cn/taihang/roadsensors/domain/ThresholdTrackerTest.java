package cn.taihang.roadsensors.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.roadsensors.domain.AlarmRule.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ThresholdTrackerTest {

    private static final Instant T0 = Instant.parse("2025-01-15T06:00:00Z");
    private static final AlarmRule FOG = new AlarmRule("fog", SensorKind.VISIBILITY, Direction.BELOW, 200, 300, 2);
    private static final AlarmRule WIND = new AlarmRule("wind", SensorKind.WIND_SPEED, Direction.ABOVE, 17.2, 13.9, 1);
    private static final AlarmRule ICE = new AlarmRule("ice", SensorKind.ROAD_SURFACE_STATE, Direction.ABOVE, 3, 2, 1);
    private final ThresholdTracker tracker = new ThresholdTracker(List.of(FOG, WIND, ICE));
    private int second;

    private List<AlarmChange.Type> feed(SensorKind kind, double value) {
        return tracker.evaluate(new Reading("vis-1", kind, 0, value, T0.plusSeconds(second++))).stream().map(AlarmChange::type).toList();
    }

    @Test
    void fogRisesBelowTheRaiseLevelAndClearsOnlyAfterReadingsPastTheClearLevel() {
        assertThat(feed(SensorKind.VISIBILITY, 450)).isEmpty();
        assertThat(feed(SensorKind.VISIBILITY, 199)).containsExactly(AlarmChange.Type.RAISED);
        assertThat(feed(SensorKind.VISIBILITY, 120)).as("still foggy: nothing new").isEmpty();
        assertThat(feed(SensorKind.VISIBILITY, 250)).as("between the levels: stays raised").isEmpty();
        assertThat(feed(SensorKind.VISIBILITY, 310)).as("first clearing reading").isEmpty();
        assertThat(feed(SensorKind.VISIBILITY, 280)).as("back between: the count restarts").isEmpty();
        assertThat(feed(SensorKind.VISIBILITY, 300)).isEmpty();
        assertThat(feed(SensorKind.VISIBILITY, 320)).containsExactly(AlarmChange.Type.CLEARED);
        assertThat(tracker.isActive("vis-1", 0, "fog")).isFalse();
        assertThat(feed(SensorKind.VISIBILITY, 250)).as("between the levels after clearing: no new alarm").isEmpty();
    }

    @Test
    void aValueWaveringAroundTheRaiseLevelDoesNotFlap() {
        long raised = 0;
        for (int i = 0; i < 50; i++) {
            raised += feed(SensorKind.VISIBILITY, i % 2 == 0 ? 195 : 205).stream().filter(t -> t == AlarmChange.Type.RAISED).count();
        }
        assertThat(raised).isEqualTo(1);
        assertThat(tracker.isActive("vis-1", 0, "fog")).isTrue();
    }

    @Test
    void highValueRulesAndRoadSurfaceCodes() {
        assertThat(feed(SensorKind.WIND_SPEED, 17.2)).as("at the level is not above it").isEmpty();
        assertThat(feed(SensorKind.WIND_SPEED, 21)).containsExactly(AlarmChange.Type.RAISED);
        assertThat(feed(SensorKind.WIND_SPEED, 14)).isEmpty();
        assertThat(feed(SensorKind.WIND_SPEED, 13.9)).containsExactly(AlarmChange.Type.CLEARED);
        assertThat(feed(SensorKind.ROAD_SURFACE_STATE, RoadSurface.SLUSH.code())).isEmpty();
        assertThat(feed(SensorKind.ROAD_SURFACE_STATE, RoadSurface.ICE.code())).containsExactly(AlarmChange.Type.RAISED);
        assertThat(feed(SensorKind.ROAD_SURFACE_STATE, RoadSurface.SLUSH.code())).isEmpty();
        assertThat(feed(SensorKind.ROAD_SURFACE_STATE, RoadSurface.WET.code())).containsExactly(AlarmChange.Type.CLEARED);
    }

    @Test
    void aReadingOlderThanTheLatestDoesNotClearACurrentAlarm() {
        tracker.evaluate(new Reading("vis-1", SensorKind.VISIBILITY, 0, 100, T0.plusSeconds(60)));
        assertThat(tracker.evaluate(new Reading("vis-1", SensorKind.VISIBILITY, 0, 5000, T0))).isEmpty();
        assertThat(tracker.evaluate(new Reading("vis-1", SensorKind.VISIBILITY, 0, 5000, T0.minusSeconds(1)))).isEmpty();
        assertThat(tracker.isActive("vis-1", 0, "fog")).isTrue();
    }

    @Test
    void instancesAndSensorsAreTrackedApart() {
        tracker.evaluate(new Reading("vis-1", SensorKind.VISIBILITY, 0, 100, T0));
        assertThat(tracker.evaluate(new Reading("vis-1", SensorKind.VISIBILITY, 1, 100, T0))).extracting(AlarmChange::alarmId).containsExactly("fog@vis-1/1");
        assertThat(tracker.evaluate(new Reading("vis-2", SensorKind.VISIBILITY, 0, 100, T0))).extracting(AlarmChange::alarmId).containsExactly("fog@vis-2");
    }

    @Test
    void aRuleWithoutHysteresisIsRefused() {
        assertThatThrownBy(() -> new AlarmRule("fog", SensorKind.VISIBILITY, Direction.BELOW, 300, 200, 1)).hasMessageContaining("above the raise level");
        assertThatThrownBy(() -> new AlarmRule("wind", SensorKind.WIND_SPEED, Direction.ABOVE, 10, 10, 1)).hasMessageContaining("below the raise level");
        assertThatThrownBy(() -> new AlarmRule("wind", SensorKind.WIND_SPEED, Direction.ABOVE, 10, 5, 0)).hasMessageContaining("at least 1");
    }
}
