package cn.taihang.bridge.module;

import java.util.Objects;

/**
 * The one way a bridge service refuses a request: a {@link Kind} (what went wrong, and whether trying again later
 * can help), a message for the caller that says what to do, and optionally the parameter to blame with what it takes
 * and a short machine-readable reason. Services throw it or fail their futures with it; they never choose HTTP
 * statuses — the core's HTTP host renders it as an RFC 9457 problem. Immutable; no stack trace (a refusal is not a
 * bug; a cause, if any, is kept for the log).
 */
public final class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal, and whether it is temporary (as Hono distinguishes; only temporary ones are retried). */
    public enum Kind {
        /** The request is malformed or a value is out of range; permanent. */
        INVALID(false),
        /** What the request names does not exist; permanent. */
        NOT_FOUND(false),
        /** The request conflicts with the current state (sold out, already refunded, wrong state); permanent as asked. */
        CONFLICT(false),
        /** Well-formed, but the target would refuse it (e.g. a message a sign cannot show); permanent. */
        UNPROCESSABLE(false),
        /** What the answer needs is not available now (a part is down, a state is unknown); temporary. */
        UNAVAILABLE(true),
        /** No credential, or one the bridge does not believe (bad signature, expired, wrong issuer or audience); permanent. */
        UNAUTHENTICATED(false),
        /** The caller is known but may not do this (a scope it lacks, see {@link #scope()}); permanent. */
        FORBIDDEN(false);

        private final boolean temporary;

        Kind(boolean temporary) {
            this.temporary = temporary;
        }

        /** @return whether asking again later may succeed */
        public boolean temporary() {
            return temporary;
        }
    }

    private final Kind kind;
    private final String parameter;
    private final String expected;
    private final String reason;
    private final String scope;

    private ServiceException(Kind kind, String message, String parameter, String expected, String reason, String scope, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.parameter = parameter;
        this.expected = expected;
        this.reason = reason;
        this.scope = scope;
    }

    /** @return a refusal of this kind; {@code message} says what happened and what to do */
    public static ServiceException of(Kind kind, String message) {
        return new ServiceException(kind, message, null, null, null, null, null);
    }

    /** @return an {@link Kind#INVALID} refusal */
    public static ServiceException invalid(String message) {
        return of(Kind.INVALID, message);
    }

    /**
     * @param parameter the parameter or body field to blame, e.g. {@code limit} or {@code items[0].date}
     * @param expected what a valid value looks like, or {@code null}
     * @return an {@link Kind#INVALID} refusal naming the parameter
     */
    public static ServiceException invalid(String parameter, String expected, String message) {
        return new ServiceException(Kind.INVALID, message, Objects.requireNonNull(parameter, "parameter"), expected, null, null, null);
    }

    /** @return a {@link Kind#NOT_FOUND} refusal */
    public static ServiceException notFound(String message) {
        return of(Kind.NOT_FOUND, message);
    }

    /** @return a {@link Kind#CONFLICT} refusal */
    public static ServiceException conflict(String message) {
        return of(Kind.CONFLICT, message);
    }

    /** @return a {@link Kind#UNPROCESSABLE} refusal */
    public static ServiceException unprocessable(String message) {
        return of(Kind.UNPROCESSABLE, message);
    }

    /** @return an {@link Kind#UNAVAILABLE} (temporary) refusal */
    public static ServiceException unavailable(String message) {
        return of(Kind.UNAVAILABLE, message);
    }

    /**
     * @param reason why the credential is not believed, e.g. {@code token-expired}, {@code token-missing}
     * @return an {@link Kind#UNAUTHENTICATED} refusal
     */
    public static ServiceException unauthenticated(String reason, String message) {
        return new ServiceException(Kind.UNAUTHENTICATED, message, null, null, Objects.requireNonNull(reason, "reason"), null, null);
    }

    /**
     * @param scope the scope (or what else) the caller needs, e.g. {@code tickets:admin}
     * @return a {@link Kind#FORBIDDEN} refusal naming it
     */
    public static ServiceException forbidden(String scope, String message) {
        return new ServiceException(Kind.FORBIDDEN, message, null, null, "insufficient-scope", Objects.requireNonNull(scope, "scope"), null);
    }

    /** @return a copy carrying a short machine-readable reason, e.g. {@code no-car-available} */
    public ServiceException withReason(String code) {
        return new ServiceException(kind, getMessage(), parameter, expected, Objects.requireNonNull(code, "reason"), scope, getCause());
    }

    /** @return a copy keeping {@code cause} for the log (never shown to the caller) */
    public ServiceException withCause(Throwable cause) {
        return new ServiceException(kind, getMessage(), parameter, expected, reason, scope, cause);
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return whether asking again later may succeed (only temporary refusals are worth retrying) */
    public boolean isTemporary() {
        return kind.temporary();
    }

    /** @return the parameter to blame, or {@code null} */
    public String parameter() {
        return parameter;
    }

    /** @return what the parameter takes, or {@code null} */
    public String expected() {
        return expected;
    }

    /** @return the machine-readable reason, or {@code null} */
    public String reason() {
        return reason;
    }

    /** @return what a {@link Kind#FORBIDDEN} caller needs (a scope, space-separated alternatives), or {@code null} */
    public String scope() {
        return scope;
    }
}
