package cn.taihang.sign.rendering;

/**
 * A MULTI string was refused: malformed, unsupported or too big for the panel. Never a partial
 * acceptance: the message is not shown at all.
 */
public final class MultiSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final MultiError error;
    private final int position;

    /**
     * @param error the NTCIP error class
     * @param position character index in the MULTI string where the problem starts, or -1 if it concerns the whole
     * @param detail what is wrong and what to do, short (it travels back to the bridge)
     */
    public MultiSyntaxException(MultiError error, int position, String detail) {
        super("MULTI " + error.ntcipName() + (position >= 0 ? " at " + position : "") + ": " + detail);
        this.error = error;
        this.position = position;
    }

    /** @return the NTCIP error class */
    public MultiError error() {
        return error;
    }

    /** @return the character index of the problem, or -1 */
    public int position() {
        return position;
    }
}
