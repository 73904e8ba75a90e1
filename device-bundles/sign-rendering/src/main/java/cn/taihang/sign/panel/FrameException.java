package cn.taihang.sign.panel;

/** A protocol line or payload that cannot be read. Never thrown for anything but bad input. */
public final class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of fault. */
    public enum Reason {
        /** Not a frame: wrong layout, bad hex or base64. */
        MALFORMED,
        /** Layout fine, CRC wrong: corrupted on the line. {@link #seq()} is the sequence as read. */
        BAD_CRC,
        /** Longer than {@link Frame#MAX_LINE}. */
        TOO_LONG,
        /** A frame type this protocol does not have. */
        UNKNOWN_TYPE,
        /** A payload that does not match its frame type. */
        BAD_PAYLOAD
    }

    private final Reason reason;
    private final int seq;

    /** @param seq the sequence number if it could be read, else -1 */
    public FrameException(Reason reason, int seq, String detail) {
        super(detail);
        this.reason = reason;
        this.seq = seq;
    }

    /** @return what kind of fault */
    public Reason reason() {
        return reason;
    }

    /** @return the sequence number read from the line, or -1 */
    public int seq() {
        return seq;
    }
}
