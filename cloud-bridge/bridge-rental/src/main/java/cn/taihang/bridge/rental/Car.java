package cn.taihang.bridge.rental;

import io.vertx.sqlclient.Row;
import java.time.Instant;

/**
 * A rental car as stored.
 *
 * @param station the lot it stands on, or {@code null} while rented or being rebalanced
 * @param state available, reserved, rented, maintenance or rebalancing
 * @param reservation the reservation it is held for or rented to, or {@code null}
 * @param destination where it is being rebalanced to, or {@code null}
 * @param eta when it is due there, or {@code null}
 */
public record Car(String id, String plate, String station, String state, String reservation, String destination, Instant eta) {

    /** Columns in the order {@link #of(Row)} reads them. */
    static final String COLUMNS = "id, plate, station, state, reservation, destination, eta_ms";

    static Car of(Row r) {
        Long eta = r.getLong(6);
        return new Car(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                eta == null ? null : Instant.ofEpochMilli(eta));
    }
}
