package cn.taihang.bridge.rental;

/**
 * A request the rental service refuses, with the HTTP status it answers with and a message that says what to do.
 */
public final class RentalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    /**
     * @param status 400 (bad request), 404 (unknown reservation, car or station) or 409 (conflicts with the current state)
     * @param reason short machine-readable reason, e.g. {@code no-car-available}
     * @param message what happened and what to do next
     */
    public RentalException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the machine-readable reason */
    public String reason() {
        return reason;
    }

    static RentalException badRequest(String message) {
        return new RentalException(400, "invalid", message);
    }

    static RentalException notFound(String what) {
        return new RentalException(404, "not-found", what + " does not exist; check the id");
    }

    static RentalException conflict(String reason, String message) {
        return new RentalException(409, reason, message);
    }
}
