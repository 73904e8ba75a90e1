package cn.taihang.bridge.rental;

import io.vertx.sqlclient.Row;
import java.time.Instant;

/**
 * A reservation as stored.
 *
 * @param id reservation id
 * @param customer who booked (an account or phone reference from the platform)
 * @param pickupStation where the car is picked up
 * @param pickupFrom start of the pickup window
 * @param pickupUntil end of the pickup window (a reservation not picked up by then expires)
 * @param returnStation where the car is returned
 * @param returnFrom start of the return window
 * @param returnUntil end of the return window
 * @param state confirmed, active, returned, cancelled or expired
 * @param car the car held or rented, or {@code null}
 * @param feeFen the price
 * @param oneWayFeeFen of which the one-way fee
 * @param createdAt when it was booked
 */
public record Reservation(String id, String customer, String pickupStation, Instant pickupFrom, Instant pickupUntil, String returnStation,
                          Instant returnFrom, Instant returnUntil, String state, String car, long feeFen, long oneWayFeeFen, Instant createdAt) {

    /** Columns in the order {@link #of(Row)} reads them. */
    static final String COLUMNS = "id, customer, pickup_station, pickup_from_ms, pickup_until_ms, return_station, return_from_ms, return_until_ms, "
            + "state, car, fee_fen, one_way_fen, created_ms";

    static Reservation of(Row r) {
        return new Reservation(r.getString(0), r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)), Instant.ofEpochMilli(r.getLong(4)),
                r.getString(5), Instant.ofEpochMilli(r.getLong(6)), Instant.ofEpochMilli(r.getLong(7)), r.getString(8), r.getString(9), r.getLong(10),
                r.getLong(11), Instant.ofEpochMilli(r.getLong(12)));
    }
}
