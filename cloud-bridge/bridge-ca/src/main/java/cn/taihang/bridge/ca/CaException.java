package cn.taihang.bridge.ca;

/**
 * The CA refused a request or cannot work with its directory; the message says what is wrong and what to do next
 * (the {@code pki} command prints it and exits with status 3).
 */
public final class CaException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do next */
    public CaException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to do next
     * @param cause the underlying failure
     */
    public CaException(String message, Throwable cause) {
        super(message, cause);
    }
}
