package cn.taihang.bridge.tickets;

/**
 * A request the ticket service refuses, with the HTTP status and what to do: 400 (bad input, naming the
 * parameter), 404 (no such ticket or key), 409 (sold out, already refunded).
 */
final class TicketProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String parameter;

    TicketProblem(int status, String parameter, String message) {
        super(message, null, false, false);
        this.status = status;
        this.parameter = parameter;
    }

    static TicketProblem badRequest(String parameter, String message) {
        return new TicketProblem(400, parameter, message);
    }

    static TicketProblem notFound(String message) {
        return new TicketProblem(404, null, message);
    }

    static TicketProblem conflict(String message) {
        return new TicketProblem(409, null, message);
    }

    int status() {
        return status;
    }

    /** @return the offending parameter, or {@code null} */
    String parameter() {
        return parameter;
    }
}
