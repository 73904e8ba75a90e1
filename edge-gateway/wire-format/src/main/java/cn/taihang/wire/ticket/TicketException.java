package cn.taihang.wire.ticket;

/**
 * A scanned text that is not a valid, genuine ticket. Permanent: the same text fails the same way.
 * The {@link #reason()} is the code shown on a validator and counted.
 */
public class TicketException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a ticket text was refused by the codec or the verifier. */
    public enum Reason {
        /** Not a Taihang ticket at all (another QR code, a barcode, an empty line). */
        NOT_A_TICKET,
        /** Longer than any ticket can be. */
        TOO_LARGE,
        /** Characters outside Base45, or bytes that are not the ticket's CBOR structure. */
        MALFORMED,
        /** Cut short: the text or the bytes end before the ticket does. */
        TRUNCATED,
        /** A ticket format version this build does not read. */
        UNSUPPORTED_VERSION,
        /** Signed with a key id the key ring does not hold. */
        UNKNOWN_KEY,
        /** Signed with a key that was withdrawn: every ticket it signed is void. */
        KEY_WITHDRAWN,
        /** The signature does not match the content (altered or forged ticket). */
        BAD_SIGNATURE
    }

    private final Reason reason;

    /**
     * @param reason why, never {@code null}
     * @param message what was wrong, for logs and the maintenance console
     */
    public TicketException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason why, never {@code null}
     * @param message what was wrong
     * @param cause the parser's exception
     */
    public TicketException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the text was refused */
    public Reason reason() {
        return reason;
    }
}
