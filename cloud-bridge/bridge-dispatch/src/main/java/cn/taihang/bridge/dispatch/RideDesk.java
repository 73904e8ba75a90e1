package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.domain.GeoPoint;
import cn.taihang.bridge.dispatch.domain.Place;
import cn.taihang.bridge.dispatch.domain.RideMatcher;
import io.vertx.core.Future;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.module.Storage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * "One-key call" (一键叫车): a ride request at a hub gets the nearest free vehicle ({@link RideMatcher}); with none
 * free it waits and gets the first vehicle that frees up. Matching runs in a transaction on the single writer, so a
 * vehicle is never given to two rides.
 */
final class RideDesk {

    /** The lock every change of rides and vehicles holds, so two requests never get the same free vehicle. */
    private static final String LOCK = "dispatch-rides";

    private final Storage storage;
    private final Pool reader;
    private final DispatchNetwork network;
    private final RideMatcher matcher = new RideMatcher(30, 1.3);
    private final SecureRandom random = new SecureRandom();

    RideDesk(DispatchNetwork network, Storage storage) {
        this.network = network;
        this.storage = storage;
        this.reader = storage.reader();
    }

    /** Registers the one-key-call fleet the first time, free at its home positions. */
    Future<Void> seed() {
        List<Tuple> rows = new ArrayList<>();
        network.rideVehicles().forEach(v -> rows.add(Tuple.of(v.id(), v.plate(), v.position().lat(), v.position().lon())));
        return rows.isEmpty() ? Future.succeededFuture() : transaction(tx -> tx.preparedQuery("INSERT INTO dispatch_vehicles (id, plate, lat, lon, free) "
                + "VALUES ($1, $2, $3, $4, 1) ON CONFLICT DO NOTHING").executeBatch(rows)).mapEmpty();
    }

    private <T> Future<T> transaction(java.util.function.Function<SqlConnection, Future<T>> work) {
        return storage.writer().withTransaction(tx -> storage.lock(tx, LOCK).compose(v -> work.apply(tx)));
    }

    /**
     * A one-key-call ride.
     *
     * @param state waiting, assigned or completed
     * @param vehicle the vehicle assigned, or {@code null} while waiting
     * @param plate its plate, or {@code null}
     * @param etaMinutes minutes until it reaches the hub, or {@code null}
     * @param roadKm its road distance to the hub, or {@code null}
     * @param assignedAt when a vehicle was assigned, or {@code null}
     * @param completedAt when the ride ended, or {@code null}
     */
    record Ride(String id, String hub, int passengers, String state, String vehicle, String plate, Integer etaMinutes, Double roadKm,
                Instant requestedAt, Instant assignedAt, Instant completedAt) {}

    /**
     * A vehicle of the one-key-call fleet.
     *
     * @param ride the ride it serves, or {@code null} while free
     */
    record FleetVehicle(String id, String plate, GeoPoint position, boolean free, String ride) {}

    /** @return the ride, assigned or waiting; fails INVALID at a scenic area or for more than a van holds */
    Future<Ride> request(Place hub, int passengers, Instant now) {
        if (!hub.hub()) {
            throw ServiceException.invalid("one-key call is offered at hubs; " + hub.id() + " is a scenic area");
        }
        if (passengers < 1 || passengers > 8) {
            throw ServiceException.invalid("passengers must be 1-8 (a van); call twice for a larger group");
        }
        String id = "K" + HexFormat.of().formatHex(bytes()).toUpperCase();
        return transaction(tx -> tx.preparedQuery("INSERT INTO dispatch_rides (id, hub, passengers, state, requested_ms) VALUES ($1, $2, $3, 'waiting', $4)")
                .execute(Tuple.of(id, hub.id(), passengers, now.toEpochMilli()))
                .compose(v -> matchWaiting(tx, now))
                .compose(v -> ride(tx, id)).map(Optional::orElseThrow));
    }

    /**
     * Ends a ride where the vehicle now is, frees it and gives it (or another) to the longest-waiting ride.
     *
     * @return the completed ride; fails NOT_FOUND for an unknown ride, CONFLICT for one not assigned
     */
    Future<Ride> complete(String id, GeoPoint at, Instant now) {
        return transaction(tx -> ride(tx, id).compose(found -> {
            Ride ride = found.orElseThrow(() -> notFound(id));
            if (!"assigned".equals(ride.state())) {
                throw ServiceException.conflict("ride " + id + " is " + ride.state() + "; only an assigned ride can be completed");
            }
            return tx.preparedQuery("UPDATE dispatch_vehicles SET free = 1, ride = NULL, lat = $1, lon = $2 WHERE id = $3")
                    .execute(Tuple.of(at.lat(), at.lon(), ride.vehicle()))
                    .compose(v -> tx.preparedQuery("UPDATE dispatch_rides SET state = 'completed', completed_ms = $1 WHERE id = $2")
                            .execute(Tuple.of(now.toEpochMilli(), id)))
                    .compose(v -> matchWaiting(tx, now))
                    .compose(v -> ride(tx, id)).map(Optional::orElseThrow);
        }));
    }

    private Future<Void> matchWaiting(SqlConnection tx, Instant now) {
        return tx.query("SELECT id, hub FROM dispatch_rides WHERE state = 'waiting' ORDER BY requested_ms, id").execute().compose(waiting -> {
            Future<Void> chain = Future.succeededFuture();
            for (Row w : waiting) {
                chain = chain.compose(v -> vehicles(tx)).compose(fleet -> {
                    Place hub = network.placesById().get(w.getString(1));
                    Optional<RideMatcher.Match> match = hub == null ? Optional.empty() : matcher.nearestFree(hub.position(), fleet);
                    if (match.isEmpty()) {
                        return Future.succeededFuture();
                    }
                    RideMatcher.Match m = match.get();
                    return tx.preparedQuery("UPDATE dispatch_vehicles SET free = 0, ride = $1 WHERE id = $2").execute(Tuple.of(w.getString(0), m.vehicle().id()))
                            .compose(x -> tx.preparedQuery("UPDATE dispatch_rides SET state = 'assigned', vehicle = $1, eta_minutes = $2, road_km = $3, "
                                    + "assigned_ms = $4 WHERE id = $5").execute(Tuple.of(m.vehicle().id(), m.etaMinutes(), Math.round(m.roadKm() * 10) / 10.0,
                                    now.toEpochMilli(), w.getString(0))))
                            .mapEmpty();
                });
            }
            return chain;
        });
    }

    private static Future<List<RideMatcher.Vehicle>> vehicles(SqlClient db) {
        return db.query("SELECT id, plate, lat, lon, free FROM dispatch_vehicles ORDER BY id").execute().map(rows -> {
            List<RideMatcher.Vehicle> out = new ArrayList<>();
            rows.forEach(r -> out.add(new RideMatcher.Vehicle(r.getString(0), r.getString(1), new GeoPoint(r.getDouble(2), r.getDouble(3)),
                    r.getInteger(4) == 1)));
            return out;
        });
    }

    /** @return the one-key-call fleet */
    Future<List<FleetVehicle>> fleet() {
        return reader.query("SELECT id, plate, lat, lon, free, ride FROM dispatch_vehicles ORDER BY id").execute().map(rows -> {
            List<FleetVehicle> out = new ArrayList<>();
            rows.forEach(r -> out.add(new FleetVehicle(r.getString(0), r.getString(1), new GeoPoint(r.getDouble(2), r.getDouble(3)), r.getInteger(4) == 1,
                    r.getString(5))));
            return out;
        });
    }

    /** @return the ride, read from the read connections; fails NOT_FOUND for an unknown ride */
    Future<Ride> ride(String id) {
        return ride(reader, id).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound("ride " + id + " does not exist; check the id");
    }

    private Future<Optional<Ride>> ride(SqlClient db, String id) {
        return db.preparedQuery("SELECT r.id, r.hub, r.passengers, r.state, r.vehicle, v.plate, r.eta_minutes, r.road_km, r.requested_ms, r.assigned_ms, "
                + "r.completed_ms FROM dispatch_rides r LEFT JOIN dispatch_vehicles v ON v.id = r.vehicle WHERE r.id = $1").execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Ride(r.getString(0), r.getString(1), r.getInteger(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getInteger(6), r.getDouble(7), time(r.getLong(8)), time(r.getLong(9)), time(r.getLong(10))));
                });
    }

    private static Instant time(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    private byte[] bytes() {
        byte[] b = new byte[5];
        random.nextBytes(b);
        return b;
    }
}
