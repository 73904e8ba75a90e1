package cn.taihang.bridge.http;

import cn.taihang.bridge.module.ServiceException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's one renderer of error answers, as RFC 9457 problem details ({@code application/problem+json}): a
 * {@link ServiceException} becomes {@code type}, {@code title} and {@code status} by its kind, its message as
 * {@code detail} (with what the parameter takes appended), and {@code parameter}, {@code expected} and {@code reason}
 * members when it has them. Anything else is a bug of the bridge: logged once with its stack trace and answered 500.
 * Module routes never call it: they fail the routing context ({@code ctx.fail(e)}, or throw) and the HTTP host renders.
 */
public final class Problems {

    /** The media type of every error answer. */
    public static final String CONTENT_TYPE = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String REALM = "taihang-bridge";

    private Problems() {
    }

    /** Answers the routing context's failure: a refusal as its problem, anything else as a logged 500. */
    static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ServiceException refusal = failure instanceof ServiceException r ? r
                : failure != null && failure.getCause() instanceof ServiceException r ? r : null;
        if (refusal != null) {
            challenge(ctx, refusal);
            send(ctx, of(refusal));
            return;
        }
        LOG.error("HTTP {} {} failed", ctx.request().method(), ctx.request().path(), failure);
        status(ctx, 500, "the bridge failed to answer; see its log");
    }

    /** @return the problem document of a refusal */
    static JsonObject of(ServiceException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
        };
        JsonObject problem = problem(status, e.expected() == null ? e.getMessage() : e.getMessage() + "; expected " + e.expected());
        if (e.parameter() != null) {
            problem.put("parameter", e.parameter());
        }
        if (e.expected() != null) {
            problem.put("expected", e.expected());
        }
        if (e.reason() != null) {
            problem.put("reason", e.reason());
        }
        if (e.scope() != null) {
            problem.put("scope", e.scope());
        }
        return problem;
    }

    /** RFC 6750 §3: a 401 says how to authenticate and why the token was not believed; a 403 names the scope needed. */
    private static void challenge(RoutingContext ctx, ServiceException e) {
        String header = switch (e.kind()) {
            case UNAUTHENTICATED -> "token-missing".equals(e.reason()) ? "Bearer realm=\"" + REALM + "\""
                    : "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + quoted(e.getMessage()) + "\"";
            case FORBIDDEN -> "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\"" + quoted(e.scope()) + "\"";
            default -> null;
        };
        if (header != null && !ctx.response().ended()) {
            ctx.response().putHeader("WWW-Authenticate", header);
        }
    }

    private static String quoted(String text) {
        return text.replace("\\", "").replace("\"", "'").replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Answers with a status and what to do next (the host's own answers: unknown route, wrong method, a failure). */
    static void status(RoutingContext ctx, int status, String detail) {
        send(ctx, problem(status, detail));
    }

    private static JsonObject problem(int status, String detail) {
        return new JsonObject().put("type", "about:blank").put("title", title(status)).put("status", status).put("detail", detail);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }

    private static void send(RoutingContext ctx, JsonObject problem) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(problem.getInteger("status")).putHeader("Content-Type", CONTENT_TYPE).end(problem.encode());
    }
}
