package cn.taihang.bridge.http;

import cn.taihang.bridge.module.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * JSON answers for route classes, the adapters between HTTP and the services: a service's typed result mapped to JSON,
 * or its failure handed to the HTTP host ({@code ctx.fail}), which renders refusals as problems ({@link Problems}).
 */
public final class Replies {

    private static final String JSON = "application/json";

    private Replies() {
    }

    /** Answers {@code status} with a JSON body. */
    public static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
    }

    /**
     * Answers with the result mapped to JSON once it completes, or fails the context with the failure.
     *
     * @param result the service's answer; may fail with a {@code ServiceException} (a refusal) or anything else (a 500)
     * @param toJson maps the result to the documented JSON
     */
    public static <T> void json(RoutingContext ctx, int status, Future<T> result, Function<? super T, JsonObject> toJson) {
        result.onSuccess(value -> json(ctx, status, toJson.apply(value))).onFailure(ctx::fail);
    }

    /**
     * As {@link #json(RoutingContext, int, Future, Function)} for a call into domain code whose rules refuse bad input
     * with {@link IllegalArgumentException} (a value that got past the route's parsing): that becomes the service's
     * refusal, not a 500.
     *
     * @param call the service call; may throw or fail with an IllegalArgumentException
     * @param refusal the refusal an IllegalArgumentException stands for, e.g. {@code e -> ServiceException.invalid(e.getMessage())}
     */
    public static <T> void json(RoutingContext ctx, int status, Supplier<Future<T>> call, Function<? super T, JsonObject> toJson,
                                Function<IllegalArgumentException, ServiceException> refusal) {
        Future<T> result;
        try {
            result = call.get();
        } catch (IllegalArgumentException e) {
            result = Future.failedFuture(e);
        }
        json(ctx, status, result.recover(e -> Future.failedFuture(e instanceof IllegalArgumentException bad ? refusal.apply(bad) : e)), toJson);
    }
}
