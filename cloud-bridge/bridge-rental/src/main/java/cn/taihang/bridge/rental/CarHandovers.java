package cn.taihang.bridge.rental;

import cn.taihang.bridge.module.RecordOrder;
import cn.taihang.bridge.rental.domain.CarState;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Handing a car over and taking it back, at a desk (now) or as a key locker reported it (then, with its
 * {@link RecordOrder}): a car keeps the order key of the newest locker handover applied to it, and an older one that
 * arrives late still starts or ends its reservation but leaves the car as the newer handover left it.
 */
final class CarHandovers {

    private static final String SET_CAR_IF_NEWER = """
            UPDATE rental_cars SET station = $1, state = $2, reservation = $3, destination = NULL, eta_ms = NULL, updated_ms = $4,
              handover_ms = $5, handover_gateway = $6, handover_seq = $7
            WHERE id = $8 AND (handover_ms IS NULL OR ($5, $6, $7) > (handover_ms, handover_gateway, handover_seq))""";

    /**
     * Marks the reservation active with the car handed over: the given car (a key locker reports the key it gave out —
     * that is what happened, even if the bridge held another car), else its held car, else any available car of the
     * station. A held car that was not handed over goes to the reservation whose car was (or back to the lot).
     *
     * @param order the locker record's order, or {@code null} at a desk
     */
    Future<Reservation> handOver(SqlConnection tx, Reservation r, String carHint, Instant at, RecordOrder order) {
        if (carHint != null && !carHint.equals(r.car())) {
            return RentalStore.car(tx, carHint).compose(found -> found.isEmpty() ? handOverHeld(tx, r, r.car(), at, order)
                    : swapHold(tx, r, found.get(), at).compose(v -> handOverHeld(tx, r, carHint, at, order))
                            .compose(active -> RentalStore.holdDue(tx, at).map(active)));
        }
        return handOverHeld(tx, r, r.car(), at, order);
    }

    /**
     * The car given to {@code r} was held for another reservation (or none): that one gets the car held for {@code r}
     * (or, if {@code r} had none, a car held once {@code r} is active — else {@code r} itself would get one held).
     */
    private static Future<Void> swapHold(SqlConnection tx, Reservation r, Car given, Instant at) {
        String other = given.reservation();
        boolean heldForOther = CarState.RESERVED.id().equals(given.state()) && other != null && !other.equals(r.id());
        if (r.car() == null) {
            return heldForOther ? tx.preparedQuery("UPDATE rental_reservations SET car = NULL WHERE id = $1").execute(Tuple.of(other)).mapEmpty()
                    : Future.succeededFuture();
        }
        if (heldForOther) {
            return RentalStore.setCar(tx, r.car(), r.pickupStation(), CarState.RESERVED.id(), other, null, null, at)
                    .compose(v -> tx.preparedQuery("UPDATE rental_reservations SET car = $1 WHERE id = $2").execute(Tuple.of(r.car(), other))).mapEmpty();
        }
        return RentalStore.setCar(tx, r.car(), r.pickupStation(), CarState.AVAILABLE.id(), null, null, null, at);
    }

    private Future<Reservation> handOverHeld(SqlConnection tx, Reservation r, String given, Instant at, RecordOrder order) {
        Future<Optional<String>> car = given != null ? Future.succeededFuture(Optional.of(given)) : RentalStore.hold(tx, r.id(), r.pickupStation(), at);
        return car.compose(c -> {
            if (c.isEmpty()) {
                return Future.failedFuture(RentalRefusals.conflict("lot-empty", "no car stands at " + r.pickupStation()
                        + " (a return is overdue or a car is in maintenance); offer another car from GET /api/v1/rental/cars?station=" + r.pickupStation()));
            }
            return setCar(tx, c.get(), null, CarState.RENTED, r.id(), at, order)
                    .compose(v -> tx.preparedQuery("UPDATE rental_reservations SET state = 'active', car = $1, picked_up_ms = $2 WHERE id = $3")
                            .execute(Tuple.of(c.get(), at.toEpochMilli(), r.id())))
                    .compose(v -> RentalStore.existing(tx, r.id()));
        });
    }

    /**
     * Takes the car back at the reservation's return station.
     *
     * @param order the locker record's order, or {@code null} at a desk
     */
    Future<Reservation> takeBack(SqlConnection tx, Reservation r, Instant at, RecordOrder order) {
        return setCar(tx, r.car(), r.returnStation(), CarState.AVAILABLE, null, at, order)
                .compose(v -> tx.preparedQuery("UPDATE rental_reservations SET state = 'returned', returned_ms = $1 WHERE id = $2")
                        .execute(Tuple.of(at.toEpochMilli(), r.id())))
                .compose(v -> RentalStore.holdDue(tx, at))
                .compose(v -> RentalStore.existing(tx, r.id()));
    }

    private static Future<Void> setCar(SqlConnection tx, String car, String station, CarState state, String reservation, Instant at, RecordOrder order) {
        if (order == null) {
            return RentalStore.setCar(tx, car, station, state.id(), reservation, null, null, at);
        }
        return tx.preparedQuery(SET_CAR_IF_NEWER).execute(Tuple.from(Arrays.asList(station, state.id(), reservation, at.toEpochMilli(), order.timeMillis(),
                order.gateway(), order.seq(), car))).mapEmpty();
    }
}
