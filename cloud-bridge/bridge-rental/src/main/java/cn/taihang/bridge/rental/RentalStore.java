package cn.taihang.bridge.rental;

import cn.taihang.bridge.rental.domain.StockProjection;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rental tables and the statements on them; every method runs on the connection it is given. */
final class RentalStore {

    private RentalStore() {
    }

    /** Creates the fleet the first time: cars {@code car-001…} spread over the stations as the network says. */
    static Future<Void> seedFleet(SqlConnection tx, RentalNetwork network, Instant now) {
        return tx.query("SELECT count(*) FROM rental_cars").execute().compose(rows -> {
            if (rows.iterator().next().getLong(0) > 0) {
                return Future.succeededFuture();
            }
            List<Tuple> cars = new ArrayList<>();
            int n = 0;
            for (var station : network.stations()) {
                for (int i = 0; i < network.initialCars().getOrDefault(station.id(), 0); i++) {
                    n++;
                    cars.add(Tuple.of(String.format("car-%03d", n), String.format("晋E·R%04d", n), station.id(), now.toEpochMilli()));
                }
            }
            if (cars.isEmpty()) {
                return Future.succeededFuture();
            }
            return tx.preparedQuery("INSERT INTO rental_cars (id, plate, station, state, updated_ms) VALUES ($1, $2, $3, 'available', $4)")
                    .executeBatch(cars).mapEmpty();
        });
    }

    /** Confirmed reservations whose pickup window has closed become expired and release their held car. */
    static Future<Void> expireNoShows(SqlConnection tx, Instant now) {
        long t = now.toEpochMilli();
        return tx.preparedQuery("""
                UPDATE rental_cars SET state = 'available', reservation = NULL, updated_ms = $1 WHERE state = 'reserved' AND reservation IN
                  (SELECT id FROM rental_reservations WHERE state = 'confirmed' AND pickup_until_ms < $2)""").execute(Tuple.of(t, t))
                .compose(v -> tx.preparedQuery("UPDATE rental_reservations SET state = 'expired', car = NULL WHERE state = 'confirmed' AND pickup_until_ms < $1")
                        .execute(Tuple.of(t)))
                .mapEmpty();
    }

    /** @return the station's stock from now on (see {@link StockProjection} for what counts) */
    static Future<StockProjection> projection(SqlClient db, String station, Instant now) {
        List<StockProjection.Change> changes = new ArrayList<>();
        return db.preparedQuery("SELECT count(*) FROM rental_cars WHERE station = $1 AND state IN ('available', 'reserved')").execute(Tuple.of(station))
                .compose(lot -> db.preparedQuery("SELECT pickup_from_ms FROM rental_reservations WHERE pickup_station = $1 AND state = 'confirmed'")
                        .execute(Tuple.of(station)).compose(pickups -> {
                            pickups.forEach(r -> changes.add(new StockProjection.Change(Instant.ofEpochMilli(r.getLong(0)), -1)));
                            return db.preparedQuery("""
                                    SELECT return_until_ms FROM rental_reservations WHERE return_station = $1
                                      AND (state = 'confirmed' OR (state = 'active' AND return_until_ms >= $2))""")
                                    .execute(Tuple.of(station, now.toEpochMilli()));
                        }).compose(returns -> {
                            returns.forEach(r -> changes.add(new StockProjection.Change(Instant.ofEpochMilli(r.getLong(0)), +1)));
                            return db.preparedQuery("SELECT eta_ms FROM rental_cars WHERE destination = $1 AND state = 'rebalancing'").execute(Tuple.of(station));
                        }).map(transfers -> {
                            transfers.forEach(r -> changes.add(new StockProjection.Change(Instant.ofEpochMilli(r.getLong(0)), +1)));
                            return new StockProjection(lot.iterator().next().getLong(0).intValue(), changes);
                        }));
    }

    static Future<Void> insert(SqlConnection tx, Reservation r) {
        return tx.preparedQuery("INSERT INTO rental_reservations (" + Reservation.COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                .execute(Tuple.from(java.util.Arrays.asList(r.id(), r.customer(), r.pickupStation(), r.pickupFrom().toEpochMilli(),
                        r.pickupUntil().toEpochMilli(), r.returnStation(), r.returnFrom().toEpochMilli(), r.returnUntil().toEpochMilli(), r.state(), r.car(),
                        r.feeFen(), r.oneWayFeeFen(), r.createdAt().toEpochMilli())))
                .mapEmpty();
    }

    static Future<Void> insertHolder(SqlConnection tx, String reservation, String tokenHash) {
        return tx.preparedQuery("INSERT INTO rental_holders (reservation, token_hash) VALUES ($1, $2)").execute(Tuple.of(reservation, tokenHash)).mapEmpty();
    }

    static Future<String> holderHash(SqlClient client, String reservation) {
        return client.preparedQuery("SELECT token_hash FROM rental_holders WHERE reservation = $1").execute(Tuple.of(reservation))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    static Future<Void> countRequest(SqlConnection tx, String station, LocalDate day, boolean refused) {
        return tx.preparedQuery("""
                INSERT INTO rental_requests (station, day, requests, refused) VALUES ($1, $2, 1, $3)
                ON CONFLICT (station, day) DO UPDATE SET requests = rental_requests.requests + 1, refused = rental_requests.refused + excluded.refused""")
                .execute(Tuple.of(station, day.toString(), refused ? 1 : 0)).mapEmpty();
    }

    static Future<Optional<Reservation>> reservation(SqlClient db, String id) {
        return db.preparedQuery("SELECT " + Reservation.COLUMNS + " FROM rental_reservations WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Reservation.of(rows.iterator().next())));
    }

    /** @return the reservation; fails NOT_FOUND for an unknown one */
    static Future<Reservation> existing(SqlClient db, String id) {
        return reservation(db, id).compose(r -> r.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(RentalRefusals.notFound("reservation " + id))));
    }

    /** Holds an available car of the station for a reservation. @return the car, or empty if the lot has none free */
    static Future<Optional<String>> hold(SqlConnection tx, String reservation, String station, Instant now) {
        return tx.preparedQuery("SELECT id FROM rental_cars WHERE station = $1 AND state = 'available' ORDER BY id LIMIT 1").execute(Tuple.of(station))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    String car = rows.iterator().next().getString(0);
                    return tx.preparedQuery("UPDATE rental_cars SET state = 'reserved', reservation = $1, updated_ms = $2 WHERE id = $3")
                            .execute(Tuple.of(reservation, now.toEpochMilli(), car))
                            .compose(v -> tx.preparedQuery("UPDATE rental_reservations SET car = $1 WHERE id = $2").execute(Tuple.of(car, reservation)))
                            .map(v -> Optional.of(car));
                });
    }

    /** Holds cars for confirmed reservations whose pickup window has opened and that have none yet. */
    static Future<Void> holdDue(SqlConnection tx, Instant now) {
        return tx.preparedQuery("SELECT id, pickup_station FROM rental_reservations WHERE state = 'confirmed' AND car IS NULL AND pickup_from_ms <= $1 "
                + "ORDER BY pickup_from_ms, id").execute(Tuple.of(now.toEpochMilli())).compose(rows -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (Row r : rows) {
                        chain = chain.compose(v -> hold(tx, r.getString(0), r.getString(1), now).mapEmpty());
                    }
                    return chain;
                });
    }

    static Future<Void> setCar(SqlConnection tx, String car, String station, String state, String reservation, String destination, Long etaMs, Instant now) {
        return tx.preparedQuery("UPDATE rental_cars SET station = $1, state = $2, reservation = $3, destination = $4, eta_ms = $5, updated_ms = $6 WHERE id = $7")
                .execute(Tuple.from(java.util.Arrays.asList(station, state, reservation, destination, etaMs, now.toEpochMilli(), car))).mapEmpty();
    }

    static Future<Optional<Car>> car(SqlClient db, String id) {
        return db.preparedQuery("SELECT " + Car.COLUMNS + " FROM rental_cars WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Car.of(rows.iterator().next())));
    }

    static Future<List<Car>> cars(SqlClient db, String station, String state) {
        return db.preparedQuery("SELECT " + Car.COLUMNS + " FROM rental_cars WHERE (CAST($1 AS TEXT) IS NULL OR station = $1) "
                + "AND (CAST($2 AS TEXT) IS NULL OR state = $2) ORDER BY id").execute(Tuple.from(java.util.Arrays.asList(station, state)))
                .map(rows -> {
                    List<Car> out = new ArrayList<>();
                    rows.forEach(r -> out.add(Car.of(r)));
                    return out;
                });
    }
}
