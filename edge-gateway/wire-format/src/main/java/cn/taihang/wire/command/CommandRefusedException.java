package cn.taihang.wire.command;

/**
 * A command a gateway must not act on. Permanent: the same bytes are refused the same way. The {@link #reason()} is
 * what the gateway logs, reports to the bridge and raises its alarm with.
 */
public class CommandRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a command was refused. */
    public enum Reason {
        /** The gateway holds no command trust anchor: it was not enrolled for commands. */
        NO_ANCHOR,
        /** A version-1 envelope, or no signature at all. */
        UNSIGNED,
        /** Signed with a command key the gateway's anchor does not hold (forged, or a missed key rotation). */
        UNKNOWN_KEY,
        /** The signature does not match the content (altered or forged). */
        BAD_SIGNATURE,
        /** For another gateway, a fleet command on a gateway topic or the other way round, or another name than its topic's. */
        WRONG_TARGET,
        /** An id not above the last one applied of that name: a replay. */
        REPLAYED,
        /** Its expiry time has passed. */
        EXPIRED,
        /** Issued further in the future than the allowed clock skew. */
        NOT_YET_VALID,
        /** A sealed body that does not open with this gateway's sealing key. */
        UNREADABLE_SEALED_BODY
    }

    private final Reason reason;

    /**
     * @param reason why, never {@code null}
     * @param message what was wrong, for logs, the bridge and the alarm
     */
    public CommandRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why the command was refused */
    public Reason reason() {
        return reason;
    }
}
