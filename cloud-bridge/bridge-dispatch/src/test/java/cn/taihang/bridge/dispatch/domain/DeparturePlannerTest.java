package cn.taihang.bridge.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.taihang.bridge.forecast.DayKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DeparturePlannerTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 2);
    static final GeoPoint HSR = new GeoPoint(35.515, 112.905);
    static final GeoPoint NEAR = new GeoPoint(35.52, 112.91);
    static final GeoPoint FAR = new GeoPoint(35.80, 112.96);
    /** Hourly departures 08:00–10:00 on rest days, 45 seats, round trip 3 h. */
    static final TourLine LINE = new TourLine("t01", "tourist-through", "晋城高铁东站—王莽岭", "Jincheng HSR East – Wangmangling",
            List.of("jincheng-hsr-east", "wangmangling"), 45, 0.5, 180, new ServicePattern(LocalTime.of(8, 0), LocalTime.of(10, 0), 120, 60));

    static Map<String, double[]> flat(double perHour) {
        double[] h = new double[24];
        Arrays.fill(h, perHour);
        return Map.of("jincheng-hsr-east", h);
    }

    final DeparturePlanner planner = new DeparturePlanner(0.9);

    @Test
    void departuresUnderTheThresholdGetNoExtra() {
        DayPlan plan = planner.plan(DAY, DayKind.HOLIDAY, List.of(LINE), flat(80), Map.of("jincheng-hsr-east", HSR),
                List.of(new Depot("d1", "一", "One", NEAR, 5)));
        assertThat(plan.departures()).extracting(Departure::time)
                .containsExactly(DAY.atTime(8, 0), DAY.atTime(9, 0), DAY.atTime(10, 0));
        assertThat(plan.departures()).allSatisfy(d -> assertThat(d.forecastLoad()).isCloseTo(40, within(1e-9)));
        assertThat(plan.extras()).isEmpty();
        assertThat(plan.unserved()).isEmpty();
    }

    @Test
    void anOverloadedDepartureGetsEvenlySpacedExtrasFromTheNearestDepot() {
        DayPlan plan = planner.plan(DAY, DayKind.HOLIDAY, List.of(LINE), flat(200), Map.of("jincheng-hsr-east", HSR),
                List.of(new Depot("far", "远", "Far", FAR, 10), new Depot("near", "近", "Near", NEAR, 10)));
        assertThat(plan.extras()).hasSize(6).allSatisfy(d -> assertThat(d.depot()).isEqualTo("near"));
        assertThat(plan.extras()).extracting(Departure::time).contains(LocalDateTime.of(DAY, LocalTime.of(7, 20)), LocalDateTime.of(DAY, LocalTime.of(7, 40)));
        assertThat(plan.departures()).allSatisfy(d -> assertThat(d.forecastLoad()).isLessThanOrEqualTo(0.9 * 45 + 1e-9));
    }

    @Test
    void whenTheDepotsRunOutTheDepartureIsReportedUnserved() {
        DayPlan plan = planner.plan(DAY, DayKind.HOLIDAY, List.of(LINE), flat(200), Map.of("jincheng-hsr-east", HSR),
                List.of(new Depot("near", "近", "Near", NEAR, 2)));
        assertThat(plan.extras()).hasSize(2).extracting(Departure::time).allSatisfy(t -> assertThat(t.toLocalTime()).isBefore(LocalTime.of(8, 0)));
        assertThat(plan.unserved()).extracting(Departure::time).containsExactly(DAY.atTime(9, 0), DAY.atTime(10, 0));
    }

    @Test
    void aVehicleServesAgainOnceBackFromItsRoundTrip() {
        TourLine shortTrip = new TourLine("t02", "tourist-through", "a", "b", List.of("jincheng-hsr-east", "fushan"), 45, 0.5, 30,
                LINE.service());
        DayPlan plan = planner.plan(DAY, DayKind.HOLIDAY, List.of(shortTrip), flat(120), Map.of("jincheng-hsr-east", HSR),
                List.of(new Depot("near", "近", "Near", NEAR, 1)));
        assertThat(plan.extras()).hasSize(3);
        assertThat(plan.unserved()).isEmpty();
    }

    @Test
    void workdaysUseTheWorkdayHeadwayAndPlacesWithoutAForecastHaveNoLoad() {
        DayPlan plan = planner.plan(DAY, DayKind.WORKDAY, List.of(LINE), Map.of(), Map.of(), List.of());
        assertThat(plan.departures()).extracting(Departure::time).containsExactly(DAY.atTime(8, 0), DAY.atTime(10, 0));
        assertThat(plan.departures()).allSatisfy(d -> assertThat(d.forecastLoad()).isZero());
    }

    @Test
    void arrivalsIntegrateHourlyRatesAcrossHourBoundaries() {
        double[] h = new double[24];
        h[8] = 60;
        h[9] = 120;
        assertThat(DeparturePlanner.arrivals(h, DAY.atTime(8, 30), DAY.atTime(9, 15))).isCloseTo(30 + 30, within(1e-9));
        assertThat(DeparturePlanner.arrivals(h, DAY.minusDays(1).atTime(23, 0), DAY.atTime(0, 0))).isZero();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new DeparturePlanner(0.1)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new ServicePattern(LocalTime.of(9, 0), LocalTime.of(8, 0), 30, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TourLine("x", "k", "a", "b", List.of("one"), 45, 0.5, 60, LINE.service())).hasMessageContaining("two stops");
        assertThatThrownBy(() -> new GeoPoint(91, 0)).hasMessageContaining("out of range");
    }
}
