package cn.taihang.bridge.rental;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/** JSON answers and RFC 9457 problems for the rental routes. */
final class HttpAnswers {

    private HttpAnswers() {
    }

    /** Answers with the future's JSON, or a problem for a {@link RentalException}; other failures are 500s. */
    static void answer(RoutingContext ctx, int status, Supplier<Future<?>> call) {
        Future<?> f;
        try {
            f = call.get();
        } catch (RentalException e) {
            problem(ctx, e);
            return;
        } catch (IllegalArgumentException e) {
            problem(ctx, RentalException.badRequest(e.getMessage()));
            return;
        }
        f.onSuccess(body -> ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof JsonObject j ? j.encode() : io.vertx.core.json.Json.encode(body)))
                .onFailure(e -> {
                    if (e instanceof RentalException r) {
                        problem(ctx, r);
                    } else if (e instanceof IllegalArgumentException) {
                        problem(ctx, RentalException.badRequest(e.getMessage()));
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    static void problem(RoutingContext ctx, RentalException e) {
        String title = switch (e.status()) {
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 503 -> "Service Unavailable";
            default -> "Bad Request";
        };
        ctx.response().setStatusCode(e.status()).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", e.status()).put("detail", e.getMessage())
                        .put("reason", e.reason()).encode());
    }

    /** @throws RentalException (400) if the body is not a JSON object */
    static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException e) {
            throw RentalException.badRequest("the body must be a JSON object");
        }
    }

    /** @throws RentalException (400) naming the field if it is missing or not an ISO-8601 instant with an offset */
    static Instant instant(String field, String value) {
        if (value == null) {
            throw RentalException.badRequest(field + " is required (ISO-8601 with an offset, e.g. 2026-10-01T09:00:00+08:00)");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw RentalException.badRequest(field + " must be ISO-8601 with an offset, e.g. 2026-10-01T09:00:00+08:00; was '" + value + "'");
        }
    }

    /** @throws RentalException (400) if not a date */
    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException | NullPointerException e) {
            throw RentalException.badRequest(field + " must be a date like 2026-10-01; was '" + value + "'");
        }
    }

    /** @return a JSON body's text field, or throws 400 if present but not text */
    static String text(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v != null && !(v instanceof String)) {
            throw RentalException.badRequest(field + " must be a string");
        }
        return (String) v;
    }
}
