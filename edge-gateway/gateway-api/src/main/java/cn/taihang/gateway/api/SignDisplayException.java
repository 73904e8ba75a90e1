package cn.taihang.gateway.api;

import java.util.Objects;

/** A sign refused a test message or pattern (see {@link SignDisplay}); the sign keeps what it showed. */
public class SignDisplayException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a sign refused. */
    public enum Reason {
        /** A message of a higher priority is up (e.g. a fog warning); wait until it ends. */
        PRIORITY,
        /** The text does not fit the panel (too long a line, too many lines or pages); it is never cut. */
        DOES_NOT_FIT,
        /** The text is empty, too long, or has characters the sign's font does not have. */
        BAD_TEXT,
        /** The sign cannot take it now (stopping, busy); try again. */
        UNAVAILABLE
    }

    private final Reason reason;

    /**
     * @param reason why, never {@code null}
     * @param message what happened and what to do, Chinese then English ({@code 中文 / English}), shown to the crew
     */
    public SignDisplayException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the sign refused */
    public Reason reason() {
        return reason;
    }
}
