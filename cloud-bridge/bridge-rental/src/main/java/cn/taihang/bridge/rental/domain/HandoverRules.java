package cn.taihang.bridge.rental.domain;

/**
 * What a key locker's pickup or return report does to its reservation, whatever order the reports of the two stations
 * arrive in (the pickup station's gateway may have been offline for hours, a failed batch is resent after newer ones):
 * a return reported before its pickup is known is held until the pickup arrives, then applied — never refused; a
 * handover reported again changes nothing but keeps the earliest time. So every arrival order ends in the same state.
 */
public final class HandoverRules {

    /** What the locker reports. */
    public enum Report {
        /** A key was handed out. */
        PICKUP,
        /** A key was taken back. */
        RETURN
    }

    /** What the bridge does with the report. */
    public enum Effect {
        /** Start the rental, then apply the return held for it, if any. */
        PICK_UP,
        /** End the rental. */
        RETURN,
        /** Keep the return until its pickup is reported. */
        HOLD_UNTIL_PICKUP,
        /** The handover was applied already: keep the earlier of the two times. */
        REPEATED,
        /** The reservation was cancelled: nothing to hand over or take back. */
        REFUSE
    }

    private HandoverRules() {
    }

    /**
     * @param report what the locker reports
     * @param reservationState the reservation's stored state: {@code confirmed}, {@code expired}, {@code active},
     *     {@code returned} or {@code cancelled}
     * @return what to do
     * @throws IllegalArgumentException for another state
     */
    public static Effect effect(Report report, String reservationState) {
        return switch (reservationState) {
            case "confirmed", "expired" -> report == Report.PICKUP ? Effect.PICK_UP : Effect.HOLD_UNTIL_PICKUP;
            case "active" -> report == Report.PICKUP ? Effect.REPEATED : Effect.RETURN;
            case "returned" -> Effect.REPEATED;
            case "cancelled" -> Effect.REFUSE;
            default -> throw new IllegalArgumentException("unknown reservation state '" + reservationState
                    + "' (confirmed, expired, active, returned, cancelled)");
        };
    }
}
