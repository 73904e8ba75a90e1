package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.domain.GeoPoint;
import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.module.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.module.Scopes;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The dispatch service's HTTP routes under {@code /api/v1/dispatch/}, as its OpenAPI part documents them: request
 * fields parsed here, typed answers mapped by {@link DispatchJson}; refusals fail the context for the core's problem
 * renderer.
 */
final class DispatchRoutes {

    private static final int BODY_LIMIT = 16 * 1024;
    private static final Access PLAN = Access.scopes(Scopes.DISPATCH_PLAN);
    private static final Access PLAN_OR_READ = Access.scopes(Scopes.DISPATCH_PLAN, Scopes.TELEMETRY_READ);

    private final DispatchService dispatch;
    private final RideDesk rides;
    private final Clock clock;

    DispatchRoutes(DispatchService dispatch, RideDesk rides, Clock clock) {
        this.dispatch = dispatch;
        this.rides = rides;
        this.clock = clock;
    }

    void mount(ApiRoutes routes) {
        routes.get("/dispatch/places", Access.open()).handler(ctx -> Replies.json(ctx, 200, DispatchJson.places(dispatch.network().places())));
        routes.get("/dispatch/forecast", PLAN_OR_READ).handler(ctx -> reply(ctx, 200,
                () -> dispatch.forecast(required(ctx, "place"), day(ctx.queryParams().get("day"), "day")), DispatchJson::forecast));
        routes.get("/dispatch/accuracy", PLAN_OR_READ).handler(ctx -> reply(ctx, 200, () -> dispatch.accuracy(required(ctx, "place"),
                day(required(ctx, "from"), "from"), day(required(ctx, "to"), "to")), DispatchJson::accuracy));
        routes.get("/dispatch/departures", Access.open()).handler(ctx -> {
            String line = ctx.queryParams().get("line");
            reply(ctx, 200, () -> dispatch.departures(day(ctx.queryParams().get("day"), "day"), line),
                    p -> DispatchJson.departures(p, line, dispatch.network().zone()));
        });
        routes.post("/dispatch/plan", PLAN).handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> {
            JsonObject body = body(ctx);
            LocalDate day = day(text(body, "day"), "day");
            String at = text(body, "at");
            LocalDateTime when;
            try {
                when = at == null ? LocalDateTime.now(clock.withZone(dispatch.network().zone())) : LocalDateTime.parse(at);
            } catch (DateTimeException e) {
                throw ServiceException.invalid("at must be a local date-time like 2026-10-02T08:00; was '" + at + "'");
            }
            reply(ctx, 200, () -> dispatch.plan(day, when), p -> DispatchJson.planned(p, dispatch.network().zone()));
        });
        routes.post("/dispatch/rides", PLAN).handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> {
            JsonObject body = body(ctx);
            Object passengers = body.getValue("passengers", 1);
            if (!(passengers instanceof Integer n)) {
                throw ServiceException.invalid("passengers must be a whole number 1-8");
            }
            String hub = text(body, "hub");
            if (hub == null) {
                throw ServiceException.invalid("hub is required: the id of the hub the ride starts at");
            }
            reply(ctx, 201, () -> rides.request(dispatch.place(hub), n, clock.instant()), DispatchJson::ride);
        });
        routes.get("/dispatch/rides/:id", PLAN_OR_READ).handler(ctx -> reply(ctx, 200, () -> rides.ride(ctx.pathParam("id")), DispatchJson::ride));
        routes.post("/dispatch/rides/:id/complete", PLAN).handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> {
            JsonObject body = body(ctx);
            if (!(body.getValue("lat") instanceof Number lat) || !(body.getValue("lon") instanceof Number lon)) {
                throw ServiceException.invalid("lat and lon (where the ride ended) are required numbers");
            }
            reply(ctx, 200, () -> rides.complete(ctx.pathParam("id"), new GeoPoint(lat.doubleValue(), lon.doubleValue()), clock.instant()),
                    DispatchJson::ride);
        });
        routes.get("/dispatch/vehicles", PLAN_OR_READ).handler(ctx -> reply(ctx, 200, rides::fleet, DispatchJson::vehicles));
    }

    private LocalDate day(String value, String name) {
        if (value == null) {
            return LocalDate.now(clock.withZone(dispatch.network().zone()));
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ServiceException.invalid(name + " must be a date like 2026-10-01; was '" + value + "'");
        }
    }

    private static String required(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        if (v == null) {
            throw ServiceException.invalid(name + " is required");
        }
        return v;
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException e) {
            throw ServiceException.invalid("the body must be a JSON object");
        }
    }

    private static String text(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v != null && !(v instanceof String)) {
            throw ServiceException.invalid(field + " must be a string");
        }
        return (String) v;
    }

    /** Answers the call's result; a domain rule's IllegalArgumentException (bad input that got past parsing) is a refusal, not a bug. */
    private static <T> void reply(RoutingContext ctx, int status, Supplier<Future<T>> call, Function<? super T, JsonObject> toJson) {
        Replies.json(ctx, status, call, toJson, e -> ServiceException.invalid(e.getMessage()));
    }
}
