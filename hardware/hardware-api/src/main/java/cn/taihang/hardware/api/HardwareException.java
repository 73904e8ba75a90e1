package cn.taihang.hardware.api;

/**
 * A hardware request that could not be served. The {@link #reason()} tells whether retrying can help:
 * only {@link Reason#IO_ERROR} and {@link Reason#PORT_UNAVAILABLE} are temporary.
 */
public class HardwareException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Reason {
        /** The board has no such pin or port. Fix the configuration. */
        NO_SUCH_PIN(false),
        /** The pin exists but is reserved on this board (I2C, UART, power). Fix the configuration. */
        RESERVED_PIN(false),
        /** Another owner holds the pin or port. Fix the configuration. */
        PIN_IN_USE(false),
        /** The driver failed; retrying may help. */
        IO_ERROR(true),
        /** The serial port or the link to the board is not there right now; retrying may help. */
        PORT_UNAVAILABLE(true);

        private final boolean temporary;

        Reason(boolean temporary) {
            this.temporary = temporary;
        }

        /** @return whether retrying the same request later can succeed */
        public boolean temporary() {
            return temporary;
        }
    }

    private final Reason reason;

    /**
     * @param reason why the request failed, never {@code null}
     * @param message what happened and what to do next, for an operator
     */
    public HardwareException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason why the request failed, never {@code null}
     * @param message what happened and what to do next, for an operator
     * @param cause the driver's exception
     */
    public HardwareException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the request failed */
    public Reason reason() {
        return reason;
    }
}
