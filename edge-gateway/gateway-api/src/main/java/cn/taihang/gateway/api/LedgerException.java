package cn.taihang.gateway.api;

/** Why the {@link LocalLedger} could not serve a call. */
public class LedgerException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Reason {
        /** The disk (or the file cap) is full; nothing was written. Temporary once space is freed. */
        FULL,
        /** The store cannot be used right now (closing, I/O error); nothing was written. Temporary. */
        UNAVAILABLE,
        /** A bad namespace or key, or a value over {@link LocalLedger#MAX_VALUE_BYTES}. Permanent. */
        TOO_LARGE
    }

    private final Reason reason;

    /**
     * @param reason why, never {@code null}
     * @param message what happened and what to do, for an operator
     */
    public LedgerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason why, never {@code null}
     * @param message what happened and what to do
     * @param cause underlying failure
     */
    public LedgerException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the call failed */
    public Reason reason() {
        return reason;
    }
}
