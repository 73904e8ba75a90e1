package cn.taihang.simulator.mobility;

import cn.taihang.bridge.forecast.FlowHistory;
import cn.taihang.bridge.forecast.Holiday;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import cn.taihang.bridge.rental.RentalNetwork;
import cn.taihang.bridge.rental.domain.GreedyRebalancer;
import cn.taihang.bridge.rental.domain.MinCostFlowRebalancer;
import cn.taihang.bridge.rental.domain.RebalancingPlan;
import cn.taihang.bridge.rental.domain.RebalancingProblem;
import cn.taihang.bridge.rental.domain.Station;
import cn.taihang.bridge.rental.domain.StockProjection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One-way rentals over days, with the bridge's rules: a booking is accepted only if the pickup station's stock
 * projection allows it ({@link StockProjection}, no double booking), cars move with their renters, and each night
 * the rebalancing plan for the next day is computed — min-cost flow, greedy, or none — from the forecast of each
 * station's requests and applied (cars due at the arrival hour).
 */
final class RentalOperations {

    /** How rebalancing is done. */
    enum Variant { NONE, GREEDY, MIN_COST_FLOW }

    /**
     * @param date the day
     * @param requests booking requests with pickup that day
     * @param served those accepted
     * @param carsMoved cars moved the night before
     * @param moveCostFen what those moves cost
     */
    record Day(LocalDate date, int requests, int served, int carsMoved, long moveCostFen) {
        double availability() {
            return requests == 0 ? 1 : (double) served / requests;
        }
    }

    /** A booking request: made at {@code bookedAt}, pickup at {@code pickupAt}, return at {@code returnAt}. */
    record Request(int from, int to, LocalDateTime bookedAt, LocalDateTime pickupAt, LocalDateTime returnAt) {}

    private final RentalNetwork network;
    private final List<Station> stations;
    private final DemandModel demand;
    private final long seed;

    RentalOperations(RentalNetwork network, DemandModel demand, long seed) {
        this.network = network;
        this.stations = network.stations();
        this.demand = demand;
        this.seed = seed;
    }

    /**
     * Requests per day on an ordinary day, by station; self-drive demand rises half as much as passenger flow on peak
     * days (see {@link #requests}).
     */
    double base(int s) {
        return switch (stations.get(s).id()) {
            case "jincheng-hsr-east" -> 5;
            case "jincheng-east-bus" -> 2.5;
            case "gaoping-hsr-east" -> 2;
            default -> 2.5;
        };
    }

    /** @return the station's direction factor: into Jincheng early in a long break, out of it late */
    double direction(int from, LocalDate d) {
        boolean fromJincheng = stations.get(from).city().equals("jincheng");
        var h = demand.calendar().holiday(d).or(() -> demand.calendar().holiday(d.plusDays(1))).filter(Holiday::isLong);
        if (h.isEmpty()) {
            return 1;
        }
        double r = d.isBefore(h.get().first()) ? 0 : (double) (d.toEpochDay() - h.get().first().toEpochDay()) / (h.get().length() - 1);
        if (r < 0.4) {
            return fromJincheng ? 1.0 : 2.0;
        }
        return r > 0.6 ? (fromJincheng ? 2.0 : 0.8) : 1.2;
    }

    /** @return the day's requests, in booking order */
    List<Request> requests(LocalDate d) {
        SplittableRandom random = new SplittableRandom(seed * 7919 + d.toEpochDay());
        List<Request> out = new ArrayList<>();
        double f = 1 + 0.5 * (demand.dayFactor(d) - 1);
        for (int s = 0; s < stations.size(); s++) {
            int n = DemandModel.poisson(base(s) * f * direction(s, d), random);
            for (int i = 0; i < n; i++) {
                int to = destination(s, random);
                LocalDateTime pickup = d.atTime(8 + random.nextInt(11), random.nextInt(60));
                LocalDateTime booked = random.nextDouble() < 0.4 ? pickup.minusDays(1) : pickup.minusHours(2);
                LocalDateTime back = d.plusDays(1 + random.nextInt(3)).atTime(12 + random.nextInt(8), 0);
                out.add(new Request(s, to, booked, pickup, back));
            }
        }
        return out;
    }

    private int destination(int from, SplittableRandom random) {
        boolean fromJincheng = stations.get(from).city().equals("jincheng");
        double u = random.nextDouble();
        if (fromJincheng) {
            if (u < 0.5) {
                return from;
            }
            String[] cities = {"taiyuan-south", "zhengzhou-east", "changzhi-east", "yuncheng-north", "linfen-west"};
            double[] w = {0.3, 0.3, 0.15, 0.1, 0.15};
            double c = 0.5;
            for (int i = 0; i < cities.length; i++) {
                c += 0.5 * w[i];
                if (u < c) {
                    return index(cities[i]);
                }
            }
            return index("taiyuan-south");
        }
        if (u < 0.4) {
            return from;
        }
        return u < 0.76 ? index("jincheng-hsr-east") : u < 0.91 ? index("jincheng-east-bus") : index("gaoping-hsr-east");
    }

    private int index(String id) {
        for (int i = 0; i < stations.size(); i++) {
            if (stations.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no station " + id);
    }

    /** @return request counts per station per day, as the bridge would have recorded them */
    List<FlowHistory> requestHistory(LocalDate from, LocalDate toExclusive) {
        List<FlowHistory.Builder> b = new ArrayList<>();
        stations.forEach(s -> b.add(FlowHistory.builder()));
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            int[] counts = new int[stations.size()];
            requests(d).forEach(r -> counts[r.from()]++);
            for (int s = 0; s < counts.length; s++) {
                b.get(s).add(d.atTime(12, 0), counts[s]);
            }
        }
        return b.stream().map(FlowHistory.Builder::build).toList();
    }

    /** Runs the days {@code from..to} with the given rebalancing, after a history of requests since {@code historyFrom}. */
    List<Day> run(Variant variant, LocalDate historyFrom, LocalDate from, LocalDate to, SeasonalForecaster forecaster) {
        Fleet fleet = new Fleet(stations.size());
        for (int s = 0; s < stations.size(); s++) {
            fleet.onLot[s] = network.initialCars().getOrDefault(stations.get(s).id(), 0);
        }
        List<FlowHistory.Builder> history = new ArrayList<>();
        requestHistory(historyFrom, from).forEach(h -> {
            FlowHistory.Builder copy = FlowHistory.builder();
            h.days().forEach(copy::addDay);
            history.add(copy);
        });
        Map<LocalDate, List<Request>> byPickupDay = new HashMap<>();
        for (LocalDate d = from.minusDays(1); !d.isAfter(to.plusDays(1)); d = d.plusDays(1)) {
            byPickupDay.put(d, requests(d));
        }
        Map<LocalDate, int[]> tally = new HashMap<>();
        List<Day> days = new ArrayList<>();
        int moved = 0;
        long cost = 0;
        for (LocalDate d = from.minusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate today = d;
            List<Request> bookings = new ArrayList<>();
            for (LocalDate p : List.of(d, d.plusDays(1))) {
                byPickupDay.get(p).stream().filter(r -> r.bookedAt().toLocalDate().equals(today)).forEach(bookings::add);
            }
            bookings.sort(java.util.Comparator.comparing(Request::bookedAt));
            for (Request r : bookings) {
                fleet.advance(r.bookedAt());
                boolean ok = fleet.projection(r.from(), r.bookedAt()).availableFrom(instant(r.pickupAt())) >= 1;
                if (ok) {
                    fleet.book(r);
                }
                int[] t = tally.computeIfAbsent(r.pickupAt().toLocalDate(), k -> new int[2]);
                t[0]++;
                t[1] += ok ? 1 : 0;
            }
            if (!d.isBefore(from)) {
                int[] counts = new int[stations.size()];
                byPickupDay.get(d).forEach(r -> counts[r.from()]++);
                for (int s = 0; s < counts.length; s++) {
                    history.get(s).add(d.atTime(12, 0), counts[s]);
                }
                int[] t = tally.getOrDefault(d, new int[2]);
                days.add(new Day(d, t[0], t[1], moved, cost));
            }
            LocalDateTime night = d.atTime(22, 0);
            fleet.advance(night);
            moved = 0;
            cost = 0;
            if (variant != Variant.NONE && !d.isBefore(from)) {
                Applied applied = rebalance(variant, fleet, night, d.plusDays(1), history, forecaster);
                moved = applied.cars();
                cost = applied.costFen();
            }
        }
        return days;
    }

    private Applied rebalance(Variant variant, Fleet fleet, LocalDateTime night, LocalDate day, List<FlowHistory.Builder> history,
                                      SeasonalForecaster forecaster) {
        int n = stations.size();
        LocalDateTime morning = day.atTime(network.rebalancing().arrivalHour(), 0);
        int[] supply = new int[n];
        int[] need = new int[n];
        long[][] costs = new long[n][n];
        for (int i = 0; i < n; i++) {
            StockProjection p = fleet.projection(i, night);
            supply[i] = Math.max(0, p.stockAt(instant(morning)));
            int confirmed = fleet.confirmedPickups(i, day);
            need[i] = Math.max(confirmed, (int) Math.ceil(forecaster.forecast(history.get(i).build(), day).total() - 1e-9));
            for (int j = 0; j < n; j++) {
                costs[i][j] = i == j ? 0 : network.rebalancing().moveCostFen(stations.get(i), stations.get(j));
            }
        }
        RebalancingProblem problem = new RebalancingProblem(stations.stream().map(Station::id).toList(), supply, need, costs,
                network.rebalancing().shortagePenaltyFen(), network.rebalancing().maxMovesPerNight());
        RebalancingPlan plan = variant == Variant.GREEDY ? new GreedyRebalancer().plan(problem) : new MinCostFlowRebalancer().plan(problem);
        int applied = 0;
        long appliedCost = 0;
        for (RebalancingPlan.Move m : plan.moves()) {
            int from = index(m.from());
            for (int c = 0; c < m.cars(); c++) {
                if (fleet.onLot[from] > 0 && fleet.projection(from, night).availableFrom(instant(night)) >= 1) {
                    fleet.transfer(from, index(m.to()), morning);
                    applied++;
                    appliedCost += m.costEachFen();
                }
            }
        }
        return new Applied(applied, appliedCost);
    }

    /** Cars actually sent by a night's plan (a car a promised pickup needs stays) and their cost. */
    record Applied(int cars, long costFen) {}

    static java.time.Instant instant(LocalDateTime t) {
        return t.toInstant(ZoneOffset.ofHours(8));
    }

    /** The fleet in memory: cars on each lot, future pickups, returns and transfers. */
    static final class Fleet {
        final int[] onLot;
        final List<List<Event>> events = new ArrayList<>();

        record Event(LocalDateTime at, int delta) {}

        Fleet(int stations) {
            onLot = new int[stations];
            for (int i = 0; i < stations; i++) {
                events.add(new ArrayList<>());
            }
        }

        /** Applies every pickup, return and arrival due by {@code t} to the lots. */
        void advance(LocalDateTime t) {
            for (int s = 0; s < onLot.length; s++) {
                var it = events.get(s).iterator();
                while (it.hasNext()) {
                    Event e = it.next();
                    if (!e.at().isAfter(t)) {
                        onLot[s] += e.delta();
                        it.remove();
                        if (onLot[s] < 0) {
                            throw new IllegalStateException("station " + s + " had a pickup at " + e.at() + " without a car: a double booking");
                        }
                    }
                }
            }
        }

        StockProjection projection(int s, LocalDateTime now) {
            return new StockProjection(Math.max(0, onLot[s]), events.get(s).stream().map(e -> new StockProjection.Change(instant(e.at()), e.delta())).toList());
        }

        void book(Request r) {
            events.get(r.from()).add(new Event(r.pickupAt(), -1));
            events.get(r.to()).add(new Event(r.returnAt(), +1));
        }

        void transfer(int from, int to, LocalDateTime arrival) {
            onLot[from]--;
            events.get(to).add(new Event(arrival, +1));
        }

        int confirmedPickups(int s, LocalDate day) {
            return (int) events.get(s).stream().filter(e -> e.delta() < 0 && e.at().toLocalDate().equals(day)).count();
        }
    }
}
