package cn.taihang.wire.records;

import java.util.List;

/**
 * {@value RecordKinds#TICKET_REDEMPTION}: a gate or key locker accepted a ticket and used one of its entitlements,
 * CRITICAL (never evicted). Device: the gate; record time: the scan.
 *
 * <p>Produced by the ticket-validator bundle (gates and key lockers). Consumed by the bridge's ticket service (its
 * redemption ledger, which detects an entitlement used more often than it allows across gateways that were
 * offline: {@link #TICKET}, {@link #ENTITLEMENT}, {@link #USES}, {@link #PLACE}, {@link #USE}), dispatch (one
 * passenger per redemption in the hourly flow), the telemetry API and the simulator's ticket scenario.
 */
public final class TicketRedemption {

    /** The ticket id, as decimal text. */
    public static final Metric<String> TICKET = Metric.text("ticket");
    /** Index of the entitlement used, on the ticket. */
    public static final Metric<Double> ENTITLEMENT = Metric.number("entitlement", null);
    /** The entitlement's kind name, e.g. {@code bus-ride}, {@code scenic-entry} ({@code kind-<code>} for one the gateway does not know). */
    public static final Metric<String> ENTITLEMENT_KIND = Metric.text("kind");
    /** The entitlement's place code (line, scenic area, lodging or rental station). */
    public static final Metric<Double> PLACE = Metric.number("place", null);
    /** Which use of the entitlement this is on this gateway, from 1. */
    public static final Metric<Double> USE = Metric.number("use", Units.COUNT);
    /** How many uses the entitlement allows. */
    public static final Metric<Double> USES = Metric.number("uses", Units.COUNT);
    /** Id of the key that signed the ticket. */
    public static final Metric<Double> KEY = Metric.number("key", null);
    /** The gate's kind, lower case, e.g. {@code bus_boarding}, {@code rental_key_locker}. */
    public static final Metric<String> GATE = Metric.text("gate");

    /** The kind. */
    public static final RecordKind KIND = RecordKind.of(RecordKinds.TICKET_REDEMPTION, RecordKind.CRITICAL,
            List.of(TICKET, ENTITLEMENT, ENTITLEMENT_KIND, PLACE, USE, USES, KEY, GATE), List.of());

    private TicketRedemption() {
    }
}
