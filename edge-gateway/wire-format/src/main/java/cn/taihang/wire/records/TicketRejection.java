package cn.taihang.wire.records;

import java.util.List;

/**
 * {@value RecordKinds#TICKET_REJECTION}: a gate or key locker refused a scan, NORMAL (sent only where the gate is
 * configured to publish rejections). Device: the gate; record time: the scan.
 *
 * <p>Produced by the ticket-validator bundle. Consumed by the telemetry API and the simulator's ticket scenario
 * (verdicts per gate against its ground truth, {@link #REASON}); the bridge's ticket service receives and skips it.
 */
public final class TicketRejection {

    /** The verdict code, e.g. {@code BAD_SIGNATURE}, {@code UNKNOWN_KEY}. */
    public static final Metric<String> REASON = Metric.text("reason");
    /** The ticket id, as decimal text, when a ticket could be read. */
    public static final Metric<String> TICKET = TicketRedemption.TICKET;
    /** What the validator found, at most 200 characters, {@code -} if nothing more. */
    public static final Metric<String> DETAIL = Metric.text("detail");

    /** The kind. */
    public static final RecordKind KIND = RecordKind.of(RecordKinds.TICKET_REJECTION, RecordKind.NORMAL, List.of(REASON, TICKET, DETAIL), List.of());

    private TicketRejection() {
    }
}
