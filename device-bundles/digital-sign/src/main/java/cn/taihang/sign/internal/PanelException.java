package cn.taihang.sign.internal;

/** The panel did not do what the driver asked. {@link #temporary()} says whether retrying later can help. */
final class PanelException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean temporary;

    PanelException(String message, boolean temporary) {
        super(message);
        this.temporary = temporary;
    }

    boolean temporary() {
        return temporary;
    }
}
