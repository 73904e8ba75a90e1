package cn.taihang.wire;

/**
 * Input that is not a valid message of this wire format. Permanent: resending the same bytes fails
 * the same way.
 */
public class WireFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why input was rejected; also the label of the rejection counters. */
    public enum Reason {
        /** Not well-formed CBOR, or cut short. */
        MALFORMED,
        /** Well-formed, but not the structure this message must have. */
        BAD_STRUCTURE,
        /** A version this build does not know. */
        UNSUPPORTED_VERSION,
        /** Larger than the limits of the format. */
        TOO_LARGE,
        /** A topic outside the namespace. */
        BAD_TOPIC
    }

    private final Reason reason;

    /**
     * @param reason why, never {@code null}
     * @param message what was wrong with the input
     */
    public WireFormatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason why, never {@code null}
     * @param message what was wrong with the input
     * @param cause the parser's exception
     */
    public WireFormatException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the input was rejected */
    public Reason reason() {
        return reason;
    }
}
