package cn.taihang.launcher;

/** A gateway could not be launched; the message says why and what to do. */
public class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why, and what to do */
    public LaunchException(String message) {
        super(message);
    }

    /**
     * @param message why, and what to do
     * @param cause underlying failure
     */
    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
