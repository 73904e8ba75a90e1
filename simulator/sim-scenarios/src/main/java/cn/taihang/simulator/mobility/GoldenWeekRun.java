package cn.taihang.simulator.mobility;

import cn.taihang.bridge.dispatch.domain.DayPlan;
import cn.taihang.bridge.dispatch.domain.Departure;
import cn.taihang.bridge.dispatch.domain.DeparturePlanner;
import cn.taihang.bridge.dispatch.domain.GeoPoint;
import cn.taihang.bridge.dispatch.domain.Place;
import cn.taihang.bridge.dispatch.domain.TourLine;
import cn.taihang.bridge.forecast.Backtest;
import cn.taihang.bridge.forecast.FlowHistory;
import cn.taihang.bridge.forecast.HolidayCalendar;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import cn.taihang.simulator.scenario.Scenario;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The Golden Week simulation in simulated time, on the very domain classes the bridge runs: months of passenger
 * arrivals at every hub and scenic area (history), then each held-out day forecast from the days before it, planned
 * by the dispatch rule with the depot pool, and played twice with the same passengers — with the extra departures and
 * with the planned timetable only — plus the one-way rentals with min-cost-flow, greedy and no rebalancing.
 */
final class GoldenWeekRun {

    /** Minutes a passenger waits at most before giving up. */
    static final double PATIENCE_MINUTES = 90;

    /**
     * @param historyFrom first simulated day
     * @param from first held-out day
     * @param to last held-out day
     * @param seed random seed
     */
    record Settings(LocalDate historyFrom, LocalDate from, LocalDate to, long seed) {

        static Settings goldenWeek(int year, long seed) {
            return new Settings(LocalDate.of(year, 1, 1), LocalDate.of(year, 9, 28), LocalDate.of(year, 10, 11), seed);
        }
    }

    /**
     * One held-out day of the tourist lines.
     *
     * @param date the day
     * @param with outcome with dispatch (extra departures)
     * @param without outcome with the planned timetable only
     * @param extras extra departures dispatched
     * @param unserved departures still over the threshold (depot pool exhausted)
     */
    record LineDay(LocalDate date, LineOperations.Outcome with, LineOperations.Outcome without, int extras, int unserved) {}

    /**
     * A hub's forecast accuracy and its held-out days.
     *
     * @param id place id
     * @param en English name
     * @param result the rolling-origin backtest of the hourly forecast
     * @param oracleMase MASE of the expected flow itself (the model's truth without its Poisson noise): the floor
     * @param dailyMase MASE of the daily totals (seasonal naive = the same weekday last week)
     */
    record HubAccuracy(String id, String en, Backtest.Result result, double oracleMase, double dailyMase) {}

    /**
     * Everything the report shows.
     *
     * @param settings the run
     * @param hubs accuracy per hub
     * @param lines per-day line outcomes
     * @param rentals per-day rental outcomes by variant
     */
    record Result(Settings settings, List<HubAccuracy> hubs, List<LineDay> lines, Map<RentalOperations.Variant, List<RentalOperations.Day>> rentals) {}

    private final MobilityWorld world;
    private final Settings settings;
    private final DemandModel demand;
    private final SeasonalForecaster forecaster;

    GoldenWeekRun(Scenario scenario, Settings settings) {
        this.world = MobilityWorld.of(scenario);
        this.settings = settings;
        HolidayCalendar calendar = HolidayCalendar.chinaMainland();
        this.demand = new DemandModel(calendar, settings.seed());
        this.forecaster = new SeasonalForecaster(calendar);
    }

    Result run() {
        Map<String, FlowHistory> flows = new LinkedHashMap<>();
        Map<String, Map<LocalDate, List<Double>>> heldOut = new HashMap<>();
        for (MobilityWorld.Site site : world.sites()) {
            FlowHistory.Builder b = FlowHistory.builder();
            for (LocalDate d = settings.historyFrom(); !d.isAfter(settings.to()); d = d.plusDays(1)) {
                List<Double> arrivals = demand.arrivals(site, d);
                b.addDay(d, DemandModel.hourly(arrivals));
                if (!d.isBefore(settings.from())) {
                    heldOut.computeIfAbsent(site.id(), k -> new HashMap<>()).put(d, arrivals);
                }
            }
            flows.put(site.id(), b.build());
        }
        List<HubAccuracy> hubs = world.sites().stream().filter(MobilityWorld.Site::hub).map(s -> accuracy(s, flows.get(s.id()))).toList();
        List<LineDay> lines = new ArrayList<>();
        for (LocalDate d = settings.from(); !d.isAfter(settings.to()); d = d.plusDays(1)) {
            lines.add(lineDay(d, flows, heldOut));
        }
        Map<RentalOperations.Variant, List<RentalOperations.Day>> rentals = new LinkedHashMap<>();
        RentalOperations rental = new RentalOperations(world.rental(), demand, settings.seed());
        for (RentalOperations.Variant v : RentalOperations.Variant.values()) {
            rentals.put(v, rental.run(v, settings.historyFrom(), settings.from(), settings.to(), forecaster));
        }
        return new Result(settings, hubs, lines, rentals);
    }

    private HubAccuracy accuracy(MobilityWorld.Site site, FlowHistory flow) {
        Backtest.Result hourly = Backtest.run(forecaster, flow, settings.from(), settings.to(), 7);
        double oracleError = 0;
        int hours = 0;
        for (Backtest.DayResult d : hourly.days()) {
            double[] expected = demand.expectedHourly(site, d.date());
            for (int h = 0; h < 24; h++) {
                oracleError += Math.abs(d.actual()[h] - expected[h]);
                hours++;
            }
        }
        FlowHistory.Builder daily = FlowHistory.builder();
        flow.days().forEach((day, h) -> daily.add(day.atStartOfDay(), java.util.Arrays.stream(h).sum()));
        double dailyMase = Backtest.run(forecaster, daily.build(), settings.from(), settings.to(), 7).mase();
        return new HubAccuracy(site.id(), site.en(), hourly, oracleError / hours / hourly.scale(), dailyMase);
    }

    private LineDay lineDay(LocalDate d, Map<String, FlowHistory> flows, Map<String, Map<LocalDate, List<Double>>> heldOut) {
        Map<String, double[]> forecasts = new HashMap<>();
        for (String origin : world.linesByOrigin().keySet()) {
            if (flows.containsKey(origin)) {
                forecasts.put(origin, forecaster.forecast(flows.get(origin), d).hours());
            }
        }
        Map<String, GeoPoint> positions = world.dispatch().places().stream().collect(Collectors.toMap(Place::id, Place::position));
        DayPlan plan = new DeparturePlanner(world.dispatch().capacityThreshold()).plan(d, demand.calendar().kind(d), world.dispatch().lines(), forecasts,
                positions, world.dispatch().depots());
        LineOperations.Outcome with = LineOperations.Outcome.NONE;
        LineOperations.Outcome without = LineOperations.Outcome.NONE;
        for (Map.Entry<String, List<TourLine>> e : world.linesByOrigin().entrySet()) {
            List<Double> atOrigin = heldOut.getOrDefault(e.getKey(), Map.of()).getOrDefault(d, List.of());
            Map<String, List<Double>> byLine = split(atOrigin, e.getValue(), new SplittableRandom(settings.seed() * 131 + d.toEpochDay() + e.getKey().hashCode()));
            for (TourLine line : e.getValue()) {
                List<Double> all = minutes(plan.departures(), line, false);
                List<Double> planned = minutes(plan.departures(), line, true);
                if (planned.isEmpty()) {
                    continue;
                }
                int headway = demand.calendar().kind(d).worked() ? line.service().workdayHeadwayMinutes() : line.service().restdayHeadwayMinutes();
                double start = planned.get(0) - headway;
                with = with.plus(LineOperations.run(byLine.get(line.id()), all, line.capacity(), start, PATIENCE_MINUTES));
                without = without.plus(LineOperations.run(byLine.get(line.id()), planned, line.capacity(), start, PATIENCE_MINUTES));
            }
        }
        return new LineDay(d, with, without, plan.extras().size(), plan.unserved().size());
    }

    /** Each passenger at a line's first stop takes one of its lines with the line's share, or none (taxi, car, walk). */
    private static Map<String, List<Double>> split(List<Double> arrivals, List<TourLine> lines, SplittableRandom random) {
        Map<String, List<Double>> byLine = new HashMap<>();
        lines.forEach(l -> byLine.put(l.id(), new ArrayList<>()));
        for (double a : arrivals) {
            double u = random.nextDouble();
            double c = 0;
            for (TourLine l : lines) {
                c += l.share();
                if (u < c) {
                    byLine.get(l.id()).add(a);
                    break;
                }
            }
        }
        return byLine;
    }

    private static List<Double> minutes(List<Departure> departures, TourLine line, boolean plannedOnly) {
        return departures.stream().filter(x -> x.line().equals(line.id()) && (!plannedOnly || !x.extra()))
                .map(x -> x.time().getHour() * 60.0 + x.time().getMinute()).sorted().toList();
    }
}
