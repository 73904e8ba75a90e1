package cn.taihang.bridge.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Error answers as RFC 9457 problem details ({@code application/problem+json}). */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    /** Answers 400 naming the bad parameter and what it expects. */
    static void badParameter(RoutingContext ctx, String parameter, String expected, String detail) {
        send(ctx, new JsonObject().put("type", "about:blank").put("title", "Bad Request").put("status", 400)
                .put("detail", detail + "; expected " + expected).put("parameter", parameter).put("expected", expected));
    }

    /** Answers with a status, a title and what to do next. */
    static void status(RoutingContext ctx, int status, String title, String detail) {
        send(ctx, new JsonObject().put("type", "about:blank").put("title", title).put("status", status).put("detail", detail));
    }

    private static void send(RoutingContext ctx, JsonObject problem) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(problem.getInteger("status")).putHeader("Content-Type", CONTENT_TYPE).end(problem.encode());
    }
}
