package cn.taihang.bridge.rental;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.module.RecordOrder;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.rental.domain.HandoverRules;
import cn.taihang.wire.records.LockerHandover;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
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
 * active), and in any arrival order ({@link HandoverRules}): a return that arrives before its pickup is held and
 * applied, with its own time, once the pickup arrives. Each event is applied once, in the ingest transaction, a batch
 * oldest first ({@link RecordOrder}); one the bridge cannot apply (unknown reservation or car, cancelled reservation)
 * is kept with its reason in {@code rental_locker_events} and logged, never failing the batch.
 */
final class LockerEvents {

    /** The outcome of a return kept until its pickup arrives. */
    static final String HELD = "held until its pickup arrives";

    private static final Logger LOG = LoggerFactory.getLogger(LockerEvents.class);

    private final RentalService rental;

    LockerEvents(RentalService rental) {
        this.rental = rental;
    }

    Future<Void> apply(SqlConnection tx, List<IngestedRecord> records) {
        Future<Void> chain = rental.lock(tx);
        for (IngestedRecord r : RecordOrder.sorted(records)) {
            chain = chain.compose(v -> applyOne(tx, r).recover(e -> {
                if (e instanceof ServiceException) {
                    LOG.warn("locker event {} #{} of {} not applied: {}", r.kind(), r.seq(), r.gateway(), e.getMessage());
                    return Future.succeededFuture("refused: " + e.getMessage());
                }
                return Future.failedFuture(e);
            }).compose(outcome -> tx.preparedQuery("INSERT INTO rental_locker_events (gateway, seq, kind, reservation, station, time_ms, outcome) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING").execute(Tuple.from(Arrays.asList(r.gateway(), r.seq(), r.kind(),
                    r.get(LockerHandover.RESERVATION), r.site(), r.timeMillis(), outcome)))).mapEmpty());
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
        HandoverRules.Report report = switch (r.kind()) {
            case RecordKinds.RENTAL_PICKUP -> HandoverRules.Report.PICKUP;
            case RecordKinds.RENTAL_RETURN -> HandoverRules.Report.RETURN;
            default -> null;
        };
        if (report == null) {
            return Future.failedFuture(RentalRefusals.invalid("unknown rental record kind " + r.kind()));
        }
        Instant at = Instant.ofEpochMilli(r.timeMillis());
        return knownCar(tx, r).compose(v -> rental.load(tx, id)).compose(res -> switch (HandoverRules.effect(report, res.state())) {
            case PICK_UP -> carHandedOver(tx, r).compose(car -> rental.handovers().handOver(tx, res, car, at, RecordOrder.of(r)))
                    .compose(picked -> returnHeld(tx, picked)).map(x -> "picked-up");
            case RETURN -> rental.handovers().takeBack(tx, res, at, RecordOrder.of(r)).map(x -> "returned");
            case HOLD_UNTIL_PICKUP -> {
                LOG.info("return of reservation {} at {} arrived before its pickup (reservation {}): held until the pickup arrives", id, r.site(),
                        res.state());
                yield Future.succeededFuture(HELD);
            }
            case REPEATED -> keepEarliest(tx, id, report, at).map(x -> "repeated: " + report.name().toLowerCase() + " already applied");
            case REFUSE -> Future.failedFuture(RentalRefusals.conflict("cancelled", "reservation " + id + " was cancelled"));
        });
    }

    /** A record naming a car the fleet does not have is refused, whatever the reservation's state. */
    private static Future<Void> knownCar(SqlConnection tx, IngestedRecord r) {
        String car = r.get(LockerHandover.CAR);
        if (car == null) {
            return Future.succeededFuture();
        }
        return RentalStore.car(tx, car).compose(found -> found.isPresent() ? Future.<Void>succeededFuture()
                : Future.failedFuture(RentalRefusals.conflict("unknown-car", "car " + car + " is not in the fleet")));
    }

    /** The rental just started: its earliest held return ends it; any other held return of it was the same handover. */
    private Future<Reservation> returnHeld(SqlConnection tx, Reservation picked) {
        return tx.preparedQuery("SELECT gateway, seq, time_ms FROM rental_locker_events WHERE reservation = $1 AND kind = $2 AND outcome = $3 "
                + "ORDER BY time_ms, gateway, seq").execute(Tuple.of(picked.id(), RecordKinds.RENTAL_RETURN, HELD)).compose(rows -> {
                    Future<Reservation> chain = Future.succeededFuture(picked);
                    boolean first = true;
                    for (Row held : rows) {
                        String outcome = first ? "returned after its pickup arrived" : "repeated: return already applied";
                        if (first) {
                            RecordOrder order = new RecordOrder(held.getLong(2), held.getString(0), held.getLong(1));
                            chain = chain.compose(r -> rental.handovers().takeBack(tx, r, Instant.ofEpochMilli(order.timeMillis()), order));
                        }
                        first = false;
                        chain = chain.compose(r -> tx.preparedQuery("UPDATE rental_locker_events SET outcome = $1 WHERE gateway = $2 AND seq = $3")
                                .execute(Tuple.of(outcome, held.getString(0), held.getLong(1))).map(r));
                    }
                    return chain;
                });
    }

    private static Future<Void> keepEarliest(SqlConnection tx, String id, HandoverRules.Report report, Instant at) {
        String column = report == HandoverRules.Report.PICKUP ? "picked_up_ms" : "returned_ms";
        return tx.preparedQuery("UPDATE rental_reservations SET " + column + " = CASE WHEN " + column + " IS NULL OR " + column + " > $1 THEN $1 ELSE "
                + column + " END WHERE id = $2").execute(Tuple.of(at.toEpochMilli(), id)).mapEmpty();
    }
}
