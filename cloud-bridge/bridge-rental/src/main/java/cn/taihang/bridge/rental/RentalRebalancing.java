package cn.taihang.bridge.rental;

import cn.taihang.bridge.forecast.FlowHistory;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import cn.taihang.bridge.rental.domain.CarState;
import cn.taihang.bridge.rental.domain.GreedyRebalancer;
import cn.taihang.bridge.rental.domain.MinCostFlowRebalancer;
import cn.taihang.bridge.rental.domain.RebalancingPlan;
import cn.taihang.bridge.rental.domain.RebalancingProblem;
import cn.taihang.bridge.rental.domain.Station;
import cn.taihang.bridge.rental.domain.StockProjection;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The overnight rebalancing: for the day asked, each station's supply (cars on its lot at the arrival hour, after the
 * returns and pickups due by then) and demand (the larger of the confirmed pickups that day and the forecast of
 * pickup requests, a {@link SeasonalForecaster} over the daily request counts with day-of-week and holiday effects),
 * then the least-cost plan by min-cost flow ({@link MinCostFlowRebalancer}) beside the greedy baseline. Committing
 * sends actual available cars on their way (state {@code rebalancing}, due at the arrival hour), never one a promised
 * pickup at its station needs.
 */
final class RentalRebalancing {

    private final RentalService rental;
    private final SeasonalForecaster forecaster;

    RentalRebalancing(RentalService rental, SeasonalForecaster forecaster) {
        this.rental = rental;
        this.forecaster = forecaster;
    }

    /**
     * A station's side of the plan.
     *
     * @param supply cars on its lot at the arrival hour
     * @param demand pickups to serve that day (the larger of the confirmed ones and the forecast)
     * @param forecastRequests the forecast of pickup requests
     */
    record StationFigures(String station, int supply, int demand, int confirmedPickups, double forecastRequests) {}

    /** A car sent along a move. */
    record CarSent(String car, String from, String to) {}

    /**
     * The overnight plan.
     *
     * @param arrival when the moved cars are due
     * @param plan the least-cost plan (min-cost flow)
     * @param greedy the greedy baseline
     * @param carsSent the cars sent on their way; empty unless committed
     */
    record Answer(LocalDate day, Instant arrival, boolean committed, RebalancingPlan plan, RebalancingPlan greedy, List<StationFigures> stations,
                  List<CarSent> carsSent) {}

    /**
     * @param day the day the moved cars serve
     * @param now the current time
     * @param commit whether to send the cars
     * @return the plan, the greedy baseline and per-station figures; fails INVALID for a day whose arrival hour has passed
     */
    Future<Answer> plan(LocalDate day, Instant now, boolean commit) {
        RentalNetwork network = rental.network();
        Instant morning = day.atTime(network.rebalancing().arrivalHour(), 0).atZone(network.zone()).toInstant();
        Instant nextMorning = morning.plus(java.time.Duration.ofDays(1));
        if (!morning.isAfter(now)) {
            return Future.failedFuture(RentalRefusals.invalid("the plan is for a coming day; " + day + " " + network.rebalancing().arrivalHour()
                    + ":00 has passed"));
        }
        return (commit ? rental.transaction(tx -> compute(tx, day, morning, nextMorning, now, true))
                : compute(rental.reader(), day, morning, nextMorning, now, false));
    }

    private Future<Answer> compute(SqlClient db, LocalDate day, Instant morning, Instant nextMorning, Instant now, boolean commit) {
        RentalNetwork network = rental.network();
        List<Station> stations = network.stations();
        int n = stations.size();
        int[] supply = new int[n];
        int[] demand = new int[n];
        int[] confirmed = new int[n];
        double[] forecast = new double[n];
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < n; i++) {
            int k = i;
            String id = stations.get(i).id();
            chain = chain.compose(v -> RentalStore.projection(db, id, now)).compose(p -> {
                supply[k] = Math.max(0, p.stockAt(morning));
                return db.preparedQuery("SELECT count(*) FROM rental_reservations WHERE pickup_station = $1 AND state = 'confirmed' "
                        + "AND pickup_from_ms >= $2 AND pickup_from_ms < $3").execute(Tuple.of(id, morning.toEpochMilli(), nextMorning.toEpochMilli()));
            }).compose(rows -> {
                confirmed[k] = rows.iterator().next().getLong(0).intValue();
                return db.preparedQuery("SELECT day, requests FROM rental_requests WHERE station = $1 AND day < $2 ORDER BY day")
                        .execute(Tuple.of(id, day.toString()));
            }).map(rows -> {
                FlowHistory.Builder history = FlowHistory.builder();
                rows.forEach(r -> history.add(LocalDate.parse(r.getString(0)).atTime(12, 0), r.getLong(1)));
                forecast[k] = forecaster.forecast(history.build(), day).total();
                demand[k] = Math.max(confirmed[k], (int) Math.ceil(forecast[k] - 1e-9));
                return null;
            });
        }
        return chain.compose(v -> {
            long[][] cost = new long[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cost[i][j] = i == j ? 0 : network.rebalancing().moveCostFen(stations.get(i), stations.get(j));
                }
            }
            RebalancingProblem problem = new RebalancingProblem(stations.stream().map(Station::id).toList(), supply, demand, cost,
                    network.rebalancing().shortagePenaltyFen(), network.rebalancing().maxMovesPerNight());
            RebalancingPlan best = new MinCostFlowRebalancer().plan(problem);
            RebalancingPlan greedy = new GreedyRebalancer().plan(problem);
            List<StationFigures> perStation = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                perStation.add(new StationFigures(stations.get(i).id(), supply[i], demand[i], confirmed[i], forecast[i]));
            }
            Future<List<CarSent>> sent = commit ? send((SqlConnection) db, best, morning, now) : Future.succeededFuture(List.of());
            return sent.map(cars -> new Answer(day, morning, commit, best, greedy, perStation, cars));
        });
    }

    /** Sends available cars along the plan's moves; skips a car a promised pickup at its station needs. */
    private Future<List<CarSent>> send(SqlConnection tx, RebalancingPlan plan, Instant eta, Instant now) {
        List<CarSent> sent = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (RebalancingPlan.Move move : plan.moves()) {
            for (int c = 0; c < move.cars(); c++) {
                chain = chain.compose(v -> RentalStore.projection(tx, move.from(), now)).compose((StockProjection p) -> {
                    if (p.availableFrom(now) < 1) {
                        return Future.succeededFuture();
                    }
                    return tx.preparedQuery("SELECT id FROM rental_cars WHERE station = $1 AND state = 'available' ORDER BY id LIMIT 1")
                            .execute(Tuple.of(move.from())).compose(rows -> {
                                if (rows.size() == 0) {
                                    return Future.succeededFuture();
                                }
                                String car = rows.iterator().next().getString(0);
                                sent.add(new CarSent(car, move.from(), move.to()));
                                return RentalStore.setCar(tx, car, null, CarState.REBALANCING.id(), null, move.to(), eta.toEpochMilli(), now);
                            });
                });
            }
        }
        return chain.map(v -> sent);
    }
}
