package cn.taihang.simulator.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.bridge.dispatch.DispatchNetwork;
import cn.taihang.bridge.forecast.HolidayCalendar;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import cn.taihang.bridge.rental.RentalNetwork;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Golden Week simulation on a shortened calendar: the same passengers, with and without dispatch. */
@Tag("unit")
class GoldenWeekRunTest {

    static final Scenario JINCHENG = new ScenarioLoader().load("jincheng");

    @Test
    void theBridgesNetworksDescribeTheScenario() {
        DispatchNetwork dispatch = DispatchNetwork.load();
        assertThat(dispatch.lines()).extracting(l -> l.id() + l.stops()).containsExactlyElementsOf(
                JINCHENG.lines().stream().map(l -> l.id() + l.stops()).toList());
        List<String> places = dispatch.places().stream().map(p -> p.id()).toList();
        assertThat(places).containsAll(JINCHENG.scenicAreas().stream().map(Scenario.ScenicArea::id).toList());
        assertThat(places).containsAll(JINCHENG.sites().stream().filter(s -> s.kind().endsWith("hub")).map(Scenario.Site::id).toList());
        assertThat(RentalNetwork.load().stations().stream().map(s -> s.city()).collect(Collectors.toSet()))
                .isEqualTo(JINCHENG.rentalCities().stream().map(Scenario.City::id).collect(Collectors.toSet()));
    }

    @Test
    void theSameSeedGivesTheSamePassengers() {
        MobilityWorld world = MobilityWorld.of(JINCHENG);
        MobilityWorld.Site hsr = world.sites().get(0);
        DemandModel a = new DemandModel(HolidayCalendar.chinaMainland(), 5);
        DemandModel b = new DemandModel(HolidayCalendar.chinaMainland(), 5);
        LocalDate oct2 = LocalDate.of(2026, 10, 2);
        assertThat(a.arrivals(hsr, oct2)).isEqualTo(b.arrivals(hsr, oct2));
        assertThat(a.arrivals(hsr, oct2).size()).isGreaterThan(2 * a.arrivals(hsr, LocalDate.of(2026, 9, 22)).size());
        assertThat(a.arrivals(hsr, oct2)).allSatisfy(m -> assertThat(m).isBetween(7 * 60 + 17.0, 22 * 60.0));
    }

    @Test
    void dispatchCutsDenialsAndRebalancingServesMoreRentalsWithoutDoubleBooking(@TempDir Path dir) throws Exception {
        GoldenWeekRun.Settings settings = new GoldenWeekRun.Settings(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 4), 11);
        GoldenWeekRun.Result r = new GoldenWeekRun(JINCHENG, settings).run();
        assertThat(r.lines()).hasSize(5);
        int with = r.lines().stream().mapToInt(d -> d.with().denied()).sum();
        int without = r.lines().stream().mapToInt(d -> d.without().denied()).sum();
        assertThat(with).isLessThan(without);
        assertThat(r.lines()).allSatisfy(d -> assertThat(d.with().passengers()).isEqualTo(d.without().passengers()));
        assertThat(r.lines().stream().mapToInt(GoldenWeekRun.LineDay::extras).sum()).isPositive();
        assertThat(r.hubs()).hasSize(12).allSatisfy(h -> assertThat(h.result().relativeMae()).as("beats 'same hour last week'").isLessThan(0.5));
        int none = r.rentals().get(RentalOperations.Variant.NONE).stream().mapToInt(RentalOperations.Day::served).sum();
        int flow = r.rentals().get(RentalOperations.Variant.MIN_COST_FLOW).stream().mapToInt(RentalOperations.Day::served).sum();
        assertThat(flow).isGreaterThanOrEqualTo(none);
        List<Path> charts = GoldenWeekCharts.write(r, dir);
        assertThat(charts).hasSize(4).allSatisfy(p -> assertThat(Files.readAllBytes(p)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertThat(GoldenWeekReport.markdown(r, charts)).contains("MASE", "denied boarding", "min-cost-flow", "golden-week-lines.png");
    }

    @Test
    void rentalsNeverHandOutACarTheStationDoesNotHave() {
        DemandModel demand = new DemandModel(HolidayCalendar.chinaMainland(), 3);
        RentalOperations ops = new RentalOperations(RentalNetwork.load(), demand, 3);
        SeasonalForecaster forecaster = new SeasonalForecaster(HolidayCalendar.chinaMainland());
        for (RentalOperations.Variant v : RentalOperations.Variant.values()) {
            List<RentalOperations.Day> days = ops.run(v, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 8), forecaster);
            assertThat(days).hasSize(10).allSatisfy(d -> assertThat(d.served()).isBetween(0, d.requests()));
        }
    }
}
