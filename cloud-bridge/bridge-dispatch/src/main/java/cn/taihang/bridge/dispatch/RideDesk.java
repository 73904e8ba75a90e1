package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.domain.GeoPoint;
import cn.taihang.bridge.dispatch.domain.Place;
import cn.taihang.bridge.dispatch.domain.RideMatcher;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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

    private final Pool writer;
    private final Pool reader;
    private final DispatchNetwork network;
    private final RideMatcher matcher = new RideMatcher(30, 1.3);
    private final SecureRandom random = new SecureRandom();

    RideDesk(DispatchNetwork network, Pool writer, Pool reader) {
        this.network = network;
        this.writer = writer;
        this.reader = reader;
    }

    /** Registers the one-key-call fleet the first time, free at its home positions. */
    Future<Void> seed(SqlConnection tx) {
        List<Tuple> rows = new ArrayList<>();
        network.rideVehicles().forEach(v -> rows.add(Tuple.of(v.id(), v.plate(), v.position().lat(), v.position().lon())));
        return rows.isEmpty() ? Future.succeededFuture()
                : tx.preparedQuery("INSERT OR IGNORE INTO dispatch_vehicles (id, plate, lat, lon, free) VALUES (?, ?, ?, ?, 1)").executeBatch(rows).mapEmpty();
    }

    /** @return the ride, assigned or waiting */
    Future<JsonObject> request(Place hub, int passengers, Instant now) {
        if (!hub.hub()) {
            throw new IllegalArgumentException("one-key call is offered at hubs; " + hub.id() + " is a scenic area");
        }
        if (passengers < 1 || passengers > 8) {
            throw new IllegalArgumentException("passengers must be 1-8 (a van); call twice for a larger group");
        }
        String id = "K" + HexFormat.of().formatHex(bytes()).toUpperCase();
        return writer.withTransaction(tx -> tx.preparedQuery("INSERT INTO dispatch_rides (id, hub, passengers, state, requested_ms) VALUES (?, ?, ?, 'waiting', ?)")
                .execute(Tuple.of(id, hub.id(), passengers, now.toEpochMilli()))
                .compose(v -> matchWaiting(tx, now))
                .compose(v -> ride(tx, id)).map(Optional::orElseThrow));
    }

    /** Ends a ride where the vehicle now is, frees it and gives it (or another) to the longest-waiting ride. */
    Future<JsonObject> complete(String id, GeoPoint at, Instant now) {
        return writer.withTransaction(tx -> ride(tx, id).compose(found -> {
            JsonObject ride = found.orElseThrow(() -> new NotFound("ride " + id));
            if (!"assigned".equals(ride.getString("state"))) {
                throw new IllegalStateException("ride " + id + " is " + ride.getString("state") + "; only an assigned ride can be completed");
            }
            return tx.preparedQuery("UPDATE dispatch_vehicles SET free = 1, ride = NULL, lat = ?, lon = ? WHERE id = ?")
                    .execute(Tuple.of(at.lat(), at.lon(), ride.getString("vehicle")))
                    .compose(v -> tx.preparedQuery("UPDATE dispatch_rides SET state = 'completed', completed_ms = ? WHERE id = ?")
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
                    return tx.preparedQuery("UPDATE dispatch_vehicles SET free = 0, ride = ? WHERE id = ?").execute(Tuple.of(w.getString(0), m.vehicle().id()))
                            .compose(x -> tx.preparedQuery("UPDATE dispatch_rides SET state = 'assigned', vehicle = ?, eta_minutes = ?, road_km = ?, "
                                    + "assigned_ms = ? WHERE id = ?").execute(Tuple.of(m.vehicle().id(), m.etaMinutes(), Math.round(m.roadKm() * 10) / 10.0,
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
    Future<List<JsonObject>> fleet() {
        return reader.query("SELECT id, plate, lat, lon, free, ride FROM dispatch_vehicles ORDER BY id").execute().map(rows -> {
            List<JsonObject> out = new ArrayList<>();
            rows.forEach(r -> out.add(new JsonObject().put("id", r.getString(0)).put("plate", r.getString(1)).put("lat", r.getDouble(2))
                    .put("lon", r.getDouble(3)).put("free", r.getInteger(4) == 1).put("ride", r.getString(5))));
            return out;
        });
    }

    /** @return the ride, read from the read connections */
    Future<Optional<JsonObject>> ride(String id) {
        return ride(reader, id);
    }

    Future<Optional<JsonObject>> ride(SqlClient db, String id) {
        return db.preparedQuery("SELECT r.id, r.hub, r.passengers, r.state, r.vehicle, v.plate, r.eta_minutes, r.road_km, r.requested_ms, r.assigned_ms, "
                + "r.completed_ms FROM dispatch_rides r LEFT JOIN dispatch_vehicles v ON v.id = r.vehicle WHERE r.id = ?").execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new JsonObject().put("id", r.getString(0)).put("hub", r.getString(1)).put("passengers", r.getInteger(2))
                            .put("state", r.getString(3)).put("vehicle", r.getString(4)).put("plate", r.getString(5)).put("etaMinutes", r.getInteger(6))
                            .put("roadKm", r.getDouble(7)).put("requestedAt", time(r.getLong(8))).put("assignedAt", time(r.getLong(9)))
                            .put("completedAt", time(r.getLong(10))));
                });
    }

    private static String time(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms).toString();
    }

    private byte[] bytes() {
        byte[] b = new byte[5];
        random.nextBytes(b);
        return b;
    }

    /** An unknown ride. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String what) {
            super(what + " does not exist; check the id");
        }
    }
}
