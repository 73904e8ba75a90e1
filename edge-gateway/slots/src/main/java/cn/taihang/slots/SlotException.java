package cn.taihang.slots;

/** A slot operation was refused: it does not fit the state (wrong phase or release), or the health gate said no. */
public final class SlotException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public SlotException(String message) {
        super(message, null, false, false);
    }
}
