package cn.taihang.gateway.api;

/**
 * Why the {@link Outbox} could not take a record. Carried by the failed stage of
 * {@link Outbox#publish}.
 */
public class OutboxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a record was refused. */
    public enum Reason {
        /** The store's quota (or the disk) is full of records that may not be evicted. An alarm is raised. */
        FULL,
        /** The store cannot write right now (closing, I/O error); the record was not stored. */
        UNAVAILABLE,
        /** The record is too large to store. */
        TOO_LARGE
    }

    private final Reason reason;

    /**
     * @param reason why, never {@code null}
     * @param message what happened and what to do, for an operator
     */
    public OutboxException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason why, never {@code null}
     * @param message what happened and what to do, for an operator
     * @param cause underlying failure
     */
    public OutboxException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the record was refused */
    public Reason reason() {
        return reason;
    }
}
