package cn.taihang.roadsensors.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.roadsensors.domain.InvalidReadingException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NormaliserTest {

    private static final Instant NOW = Instant.parse("2025-01-15T22:00:00Z");
    private final Normaliser normaliser = new Normaliser();

    private List<Reading> normalise(Map<String, String> configured, RawValue... values) throws InvalidReadingException {
        return normaliser.normalise("s-1", List.of(values), configured, NOW);
    }

    private Reason refused(RawValue... values) {
        try {
            normalise(Map.of(), values);
        } catch (InvalidReadingException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.reason();
        }
        throw new AssertionError("accepted " + List.of(values));
    }

    @Test
    void everyKindIsFoundByObjectAndApplicationTypeAndConvertedToItsCanonicalUnit() throws Exception {
        List<Reading> readings = normalise(Map.of(),
                RawValue.number("3303/0/5700", "K", 271.15),
                RawValue.text("3303/1/5750", "road-surface"), RawValue.number("3303/1/5700", "Cel", -4),
                RawValue.number("3304/0/5700", "%RH", 97),
                RawValue.text("3300/0/5750", "visibility"), RawValue.number("3300/0/5700", "km", 0.18),
                RawValue.text("3300/1/5750", "wind-speed"), RawValue.number("3300/1/5700", "km/h", 72),
                RawValue.text("3300/2/5750", "rain-rate"), RawValue.number("3300/2/5700", "mm/h", 25),
                RawValue.text("3300/3/5750", "parking-occupancy"), RawValue.number("3300/3/5700", "/", 0.97),
                RawValue.text("3300/4/5750", "pedestrian-flow"), RawValue.number("3300/4/5700", "1/s", 2.5),
                RawValue.text("3300/5/5750", "road-surface-state"), RawValue.text("3300/5/5700", "ICE"),
                RawValue.text("3325/0/5750", "pm2.5"), RawValue.number("3325/0/5700", "ug/m3", 160),
                RawValue.text("3325/1/5750", "PM10"), RawValue.number("3325/1/5700", "kg/m3", 4e-7));
        assertThat(readings).extracting(Reading::kind).containsExactly(SensorKind.AIR_TEMPERATURE, SensorKind.ROAD_SURFACE_TEMPERATURE,
                SensorKind.HUMIDITY, SensorKind.VISIBILITY, SensorKind.WIND_SPEED, SensorKind.RAIN_RATE, SensorKind.PARKING_OCCUPANCY,
                SensorKind.PEDESTRIAN_FLOW, SensorKind.ROAD_SURFACE_STATE, SensorKind.PM2_5, SensorKind.PM10);
        assertThat(readings).extracting(Reading::value).usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-6 ? 0 : Double.compare(a, b), Double.class)
                .containsExactly(-2.0, -4.0, 97.0, 180.0, 20.0, 25.0, 97.0, 150.0, 6.0, 160.0, 400.0);
        assertThat(readings.get(3).ipsoName()).isEqualTo("3300/0/5700");
        assertThat(readings.get(8).display()).isEqualTo("ice");
        assertThat(readings).allSatisfy(r -> assertThat(r.time()).isEqualTo(NOW));
    }

    @Test
    void applicationTypeAndUnitMayComeFromTheSensorsConfigurationAndResource5701() throws Exception {
        List<Reading> readings = normalise(Map.of("3300/0", "visibility"), RawValue.text("dev-9/3300/0/5701", "m"),
                RawValue.number("dev-9/3300/0/5700", null, 450), RawValue.number("3300/0/5601", "m", 10));
        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(SensorKind.VISIBILITY);
            assertThat(r.value()).isEqualTo(450);
        });
    }

    @Test
    void unknownKindsUnitsAndNamesAreRefusedWithWhatToDo() {
        assertThat(refused(RawValue.number("3300/0/5700", "m", 1))).isEqualTo(Reason.MISSING_APPLICATION_TYPE);
        assertThat(refused(RawValue.text("3300/0/5750", "radiation"), RawValue.number("3300/0/5700", "Sv", 1))).isEqualTo(Reason.UNKNOWN_KIND);
        assertThat(refused(RawValue.number("9999/0/5700", "m", 1))).isEqualTo(Reason.UNKNOWN_KIND);
        assertThat(refused(RawValue.text("3300/0/5750", "visibility"), RawValue.number("3300/0/5700", "furlong", 1))).isEqualTo(Reason.UNKNOWN_UNIT);
        assertThat(refused(RawValue.number("3303/0/5700", "degF", 50))).isEqualTo(Reason.UNKNOWN_UNIT);
        assertThat(refused(RawValue.number("3303/0/5700", null, 5))).isEqualTo(Reason.UNKNOWN_UNIT);
        assertThat(refused(RawValue.number("temperature", "Cel", 5))).isEqualTo(Reason.BAD_NAME);
        assertThat(refused(RawValue.text("3300/0/5750", "visibility"))).as("no 5700 value").isEqualTo(Reason.BAD_NAME);
    }

    @Test
    void physicallyImpossibleValuesAreRefused() {
        assertThat(refused(RawValue.text("3300/0/5750", "visibility"), RawValue.number("3300/0/5700", "m", -5))).isEqualTo(Reason.IMPOSSIBLE_VALUE);
        assertThat(refused(RawValue.number("3304/0/5700", "%RH", 120))).isEqualTo(Reason.IMPOSSIBLE_VALUE);
        assertThat(refused(RawValue.number("3303/0/5700", "Cel", 200))).isEqualTo(Reason.IMPOSSIBLE_VALUE);
        assertThat(refused(RawValue.number("3303/0/5700", "K", -1))).isEqualTo(Reason.IMPOSSIBLE_VALUE);
        assertThat(refused(RawValue.text("3300/0/5750", "wind-speed"), RawValue.number("3300/0/5700", "m/s", 150))).isEqualTo(Reason.IMPOSSIBLE_VALUE);
        assertThat(refused(RawValue.text("3300/0/5750", "parking-occupancy"), RawValue.number("3300/0/5700", "%", 130))).isEqualTo(Reason.IMPOSSIBLE_VALUE);
        assertThat(refused(RawValue.text("3300/0/5750", "road-surface-state"), RawValue.number("3300/0/5700", null, 2.5)))
                .isEqualTo(Reason.IMPOSSIBLE_VALUE);
        assertThat(refused(RawValue.text("3300/0/5750", "road-surface-state"), RawValue.text("3300/0/5700", "lava"))).isEqualTo(Reason.IMPOSSIBLE_VALUE);
        assertThat(refused(new RawValue("3303/0/5700", "Cel", null, null, true, 0))).isEqualTo(Reason.IMPOSSIBLE_VALUE);
    }

    @Test
    void timesAreRelativeBelow2pow28AbsoluteAboveAndRefusedInTheFutureOrTooOld() throws Exception {
        Reading relative = normalise(Map.of(), new RawValue("3303/0/5700", "Cel", 1.0, null, null, -30)).get(0);
        assertThat(relative.time()).isEqualTo(NOW.minusSeconds(30));
        Reading absolute = normalise(Map.of(), new RawValue("3303/0/5700", "Cel", 1.0, null, null, NOW.getEpochSecond() - 3600)).get(0);
        assertThat(absolute.time()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(refused(new RawValue("3303/0/5700", "Cel", 1.0, null, null, NOW.getEpochSecond() + 3600))).isEqualTo(Reason.BAD_TIME);
        assertThat(refused(new RawValue("3303/0/5700", "Cel", 1.0, null, null, NOW.getEpochSecond() - 40L * 86400))).isEqualTo(Reason.BAD_TIME);
        assertThat(refused(new RawValue("3303/0/5700", "Cel", 1.0, null, null, 1e300))).isEqualTo(Reason.BAD_TIME);
    }
}
