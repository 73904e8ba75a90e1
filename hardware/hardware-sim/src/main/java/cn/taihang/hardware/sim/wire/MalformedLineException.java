package cn.taihang.hardware.sim.wire;

/** A harness line that cannot be read; {@link #kind()} groups faults for counting and logging once. */
public final class MalformedLineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String kind;

    /**
     * @param kind a short, stable name of the fault, e.g. {@code unknown-verb}
     * @param message what was wrong
     */
    public MalformedLineException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return the kind of fault */
    public String kind() {
        return kind;
    }
}
