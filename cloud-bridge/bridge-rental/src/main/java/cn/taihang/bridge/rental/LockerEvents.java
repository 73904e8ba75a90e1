package cn.taihang.bridge.rental;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.records.LockerHandover;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pickups and returns reported by the key lockers (the ticket validator in rental key-locker mode), as critical
 * {@link LockerHandover} records: {@link LockerHandover#RESERVATION}, optionally {@link LockerHandover#CAR} (the car
 * whose key the locker handed over or took back; for a pickup it wins over the car the bridge held) or
 * {@link LockerHandover#KEY_FROM} (the reservation that returned the key handed over, when the locker does not know its
 * car), record time = when the slot door closed. They happened — possibly hours ago while the station was
 * offline — so the bridge records them even after the window (a pickup of an expired reservation still makes it
 * active). Each event is applied once, in the ingest transaction; one the bridge cannot apply (unknown reservation,
 * wrong state) is kept with its reason in {@code rental_locker_events} and logged, never failing the batch.
 */
final class LockerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LockerEvents.class);

    private final RentalService rental;

    LockerEvents(RentalService rental) {
        this.rental = rental;
    }

    Future<Void> apply(SqlConnection tx, List<IngestedRecord> records) {
        Future<Void> chain = rental.lock(tx);
        for (IngestedRecord r : records) {
            chain = chain.compose(v -> applyOne(tx, r).recover(e -> {
                if (e instanceof ServiceException) {
                    LOG.warn("locker event {} #{} of {} not applied: {}", r.kind(), r.seq(), r.gateway(), e.getMessage());
                    return Future.succeededFuture("refused: " + e.getMessage());
                }
                return Future.failedFuture(e);
            }).compose(outcome -> tx.preparedQuery("INSERT INTO rental_locker_events (gateway, seq, kind, reservation, station, time_ms, outcome) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING").execute(Tuple.from(Arrays.asList(r.gateway(), r.seq(), r.kind(), r.get(LockerHandover.RESERVATION), r.site(),
                    r.timeMillis(), outcome)))).mapEmpty());
        }
        return chain;
    }

    /** The car whose key the locker gave out: named, or the car of the reservation that returned that key, or unknown. */
    private Future<String> carHandedOver(SqlConnection tx, IngestedRecord r) {
        String car = r.get(LockerHandover.CAR);
        String keyFrom = r.get(LockerHandover.KEY_FROM);
        if (car != null || keyFrom == null) {
            return Future.succeededFuture(car);
        }
        return rental.load(tx, keyFrom).map(Reservation::car).otherwise((String) null);
    }

    private Future<String> applyOne(SqlConnection tx, IngestedRecord r) {
        String id = r.get(LockerHandover.RESERVATION);
        if (id == null || id.isBlank()) {
            return Future.failedFuture(RentalRefusals.invalid("the record carries no reservation"));
        }
        Instant at = Instant.ofEpochMilli(r.timeMillis());
        return rental.load(tx, id).compose(res -> switch (r.kind()) {
            case RecordKinds.RENTAL_PICKUP -> {
                if (!res.state().equals("confirmed") && !res.state().equals("expired")) {
                    yield Future.failedFuture(RentalRefusals.conflict("not-confirmed", "reservation " + id + " is " + res.state()));
                }
                yield carHandedOver(tx, r).compose(car -> rental.handOver(tx, res, car, at)).map(x -> "picked-up");
            }
            case RecordKinds.RENTAL_RETURN -> {
                if (!res.state().equals("active")) {
                    yield Future.failedFuture(RentalRefusals.conflict("not-active", "reservation " + id + " is " + res.state()));
                }
                yield rental.takeBack(tx, res, at).map(x -> "returned");
            }
            default -> Future.failedFuture(RentalRefusals.invalid("unknown rental record kind " + r.kind()));
        });
    }
}
