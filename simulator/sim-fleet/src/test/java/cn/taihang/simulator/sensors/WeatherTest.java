package cn.taihang.simulator.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WeatherTest {

    private static final Instant SUMMER_NOON = Instant.parse("2025-07-10T04:00:00Z"); // 12:00 in Jincheng
    private static final Instant WINTER_NIGHT = Instant.parse("2025-01-14T19:00:00Z"); // 03:00 in Jincheng

    @Test
    void fogOnATaihangSectionFallsBelowTheFogThresholdInItsMiddleOnly() {
        WeatherEpisode fog = new WeatherEpisode(WeatherEpisode.Kind.FOG, Set.of("zheshui-wangmangling"), SUMMER_NOON, SUMMER_NOON.plusSeconds(600));
        Weather weather = new Weather(1, List.of(fog));
        assertThat(weather.visibilityMeters("zheshui-wangmangling", SUMMER_NOON.plusSeconds(300))).isBetween(60.0, 199.0);
        assertThat(weather.visibilityMeters("zheshui-wangmangling", SUMMER_NOON.plusSeconds(700))).isGreaterThan(5000);
        assertThat(weather.visibilityMeters("lishan-bee-town", SUMMER_NOON.plusSeconds(300))).as("other sections stay clear").isGreaterThan(5000);
        assertThat(weather.humidityPercent("zheshui-wangmangling", SUMMER_NOON.plusSeconds(300))).isEqualTo(98);
    }

    @Test
    void winterNightsIceTheTaihangRoadsBySelfWhileSummerNoonIsDry() {
        Weather weather = new Weather(2, List.of());
        assertThat(weather.airCelsius("zheshui-wangmangling", WINTER_NIGHT)).isLessThan(-5);
        assertThat(weather.airCelsius("zheshui-wangmangling", SUMMER_NOON)).isGreaterThan(20);
        assertThat(weather.roadSurfaceCode("zheshui-wangmangling", SUMMER_NOON)).isLessThanOrEqualTo(1);
        Weather freezing = new Weather(2, List.of(new WeatherEpisode(WeatherEpisode.Kind.ICE, Weather.TAIHANG_SECTIONS, SUMMER_NOON, SUMMER_NOON.plusSeconds(60))));
        assertThat(freezing.roadSurfaceCode("honghuadi-ganhekou", SUMMER_NOON.plusSeconds(30))).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aHolidayFillsTheScenicCarParkAndCrowdsTheGate() {
        WeatherEpisode holiday = new WeatherEpisode(WeatherEpisode.Kind.HOLIDAY, Set.of("taihang-no1-0km"), SUMMER_NOON, SUMMER_NOON.plusSeconds(3600));
        Weather weather = new Weather(3, List.of(holiday));
        Instant weekday = Instant.parse("2025-07-09T04:00:00Z");
        assertThat(new Weather(3, List.of()).parkingPercent("taihang-no1-0km", weekday)).isLessThan(85);
        assertThat(weather.parkingPercent("taihang-no1-0km", SUMMER_NOON.plusSeconds(1800))).isGreaterThan(95);
        assertThat(weather.gatePerMinute("taihang-no1-0km", SUMMER_NOON.plusSeconds(1800))).isGreaterThan(120);
    }

    @Test
    void theSameSeedPlaceAndTimeGiveTheSameWeather() {
        assertThat(new Weather(9, List.of()).airCelsius("manghe-ligeda", WINTER_NIGHT)).isEqualTo(new Weather(9, List.of()).airCelsius("manghe-ligeda", WINTER_NIGHT));
    }
}
