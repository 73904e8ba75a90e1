package cn.taihang.simulator.fleet;

/** A gateway of the fleet could not be started. */
public class FleetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why, and what to check */
    public FleetException(String message) {
        super(message);
    }

    /**
     * @param message why, and what to check
     * @param cause underlying failure
     */
    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
