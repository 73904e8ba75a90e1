package cn.taihang.wire.records;

import java.util.List;

/**
 * {@value RecordKinds#RENTAL_PICKUP} and {@value RecordKinds#RENTAL_RETURN}: a key locker of the one-way car rental
 * handed a car's key out or took it back, CRITICAL. Device: the locker; record time: when the slot's door shut.
 * They happened, possibly hours before the bridge hears of them.
 *
 * <p>Produced by the ticket-validator bundle in key-locker mode. Consumed by the bridge's rental service, which
 * starts or ends the reservation ({@link #RESERVATION}, {@link #CAR}, {@link #KEY_FROM}).
 */
public final class LockerHandover {

    /** The reservation id. */
    public static final Metric<String> RESERVATION = Metric.text("reservation");
    /** The car whose key moved, when the locker knows it. */
    public static final Metric<String> CAR = Metric.text("car");
    /** Pickups of a key whose car the locker does not know: the reservation that returned that key. */
    public static final Metric<String> KEY_FROM = Metric.text("keyFrom");
    /** The locker slot, from 1. */
    public static final Metric<Double> SLOT = Metric.number("slot", null);
    /** The rental pass's ticket id, as decimal text. */
    public static final Metric<String> TICKET = TicketRedemption.TICKET;
    /** The station's place code. */
    public static final Metric<Double> PLACE = TicketRedemption.PLACE;

    private static final List<Metric<?>> METRICS = List.of(RESERVATION, CAR, KEY_FROM, SLOT, TICKET, PLACE);

    /** The key was handed out: the rental starts. */
    public static final RecordKind PICKUP = RecordKind.of(RecordKinds.RENTAL_PICKUP, RecordKind.CRITICAL, METRICS, List.of());
    /** The key was taken back: the rental ends. */
    public static final RecordKind RETURN = RecordKind.of(RecordKinds.RENTAL_RETURN, RecordKind.CRITICAL, METRICS, List.of());

    private LockerHandover() {
    }
}
