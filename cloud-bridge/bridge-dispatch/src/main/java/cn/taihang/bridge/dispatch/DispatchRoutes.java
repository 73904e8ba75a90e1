package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.domain.GeoPoint;
import cn.taihang.bridge.dispatch.domain.Place;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/** The dispatch service's HTTP routes under {@code /api/v1/dispatch/}; documented in the bridge's OpenAPI document. */
final class DispatchRoutes {

    private static final int BODY_LIMIT = 16 * 1024;

    private final DispatchService dispatch;
    private final RideDesk rides;
    private final Clock clock;

    DispatchRoutes(DispatchService dispatch, RideDesk rides, Clock clock) {
        this.dispatch = dispatch;
        this.rides = rides;
        this.clock = clock;
    }

    void mount(Router router) {
        router.get("/dispatch/places").handler(ctx -> answer(ctx, 200, () -> {
            JsonArray items = new JsonArray();
            for (Place p : dispatch.network().places()) {
                items.add(new JsonObject().put("id", p.id()).put("zh", p.zh()).put("en", p.en()).put("kind", p.kind()).put("lat", p.position().lat())
                        .put("lon", p.position().lon()));
            }
            return Future.succeededFuture(new JsonObject().put("items", items));
        }));
        router.get("/dispatch/forecast").handler(ctx -> answer(ctx, 200,
                () -> dispatch.forecast(required(ctx, "place"), day(ctx.queryParams().get("day"), "day"))));
        router.get("/dispatch/accuracy").handler(ctx -> answer(ctx, 200, () -> dispatch.accuracy(required(ctx, "place"),
                day(required(ctx, "from"), "from"), day(required(ctx, "to"), "to"))));
        router.get("/dispatch/departures").handler(ctx -> answer(ctx, 200,
                () -> dispatch.departures(day(ctx.queryParams().get("day"), "day"), ctx.queryParams().get("line"))));
        router.post("/dispatch/plan").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> answer(ctx, 200, () -> {
            JsonObject body = body(ctx);
            LocalDate day = day(text(body, "day"), "day");
            String at = text(body, "at");
            LocalDateTime when;
            try {
                when = at == null ? LocalDateTime.now(clock.withZone(dispatch.network().zone())) : LocalDateTime.parse(at);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("at must be a local date-time like 2026-10-02T08:00; was '" + at + "'");
            }
            return dispatch.plan(day, when);
        }));
        router.post("/dispatch/rides").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> answer(ctx, 201, () -> {
            JsonObject body = body(ctx);
            Object passengers = body.getValue("passengers", 1);
            if (!(passengers instanceof Integer n)) {
                throw new IllegalArgumentException("passengers must be a whole number 1-8");
            }
            String hub = text(body, "hub");
            if (hub == null) {
                throw new IllegalArgumentException("hub is required: the id of the hub the ride starts at");
            }
            return rides.request(dispatch.place(hub), n, clock.instant());
        }));
        router.get("/dispatch/rides/:id").handler(ctx -> answer(ctx, 200, () -> rides.ride(ctx.pathParam("id"))
                .map(r -> r.orElseThrow(() -> new RideDesk.NotFound("ride " + ctx.pathParam("id"))))));
        router.post("/dispatch/rides/:id/complete").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> answer(ctx, 200, () -> {
            JsonObject body = body(ctx);
            if (!(body.getValue("lat") instanceof Number lat) || !(body.getValue("lon") instanceof Number lon)) {
                throw new IllegalArgumentException("lat and lon (where the ride ended) are required numbers");
            }
            return rides.complete(ctx.pathParam("id"), new GeoPoint(lat.doubleValue(), lon.doubleValue()), clock.instant());
        }));
        router.get("/dispatch/vehicles").handler(ctx -> answer(ctx, 200, () -> rides.fleet().map(v -> new JsonObject().put("items", new JsonArray(v)))));
    }

    private LocalDate day(String value, String name) {
        if (value == null) {
            return LocalDate.now(clock.withZone(dispatch.network().zone()));
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " must be a date like 2026-10-01; was '" + value + "'");
        }
    }

    private static String required(RoutingContext ctx, String name) {
        String v = ctx.queryParams().get(name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
    }

    private static String text(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return (String) v;
    }

    /** Answers with the future's JSON; 400 for bad input, 404 for unknown ids, 409 for a state conflict. */
    static void answer(RoutingContext ctx, int status, Supplier<Future<JsonObject>> call) {
        Future<JsonObject> f;
        try {
            f = call.get();
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        f.onSuccess(body -> ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode())).onFailure(e -> {
            int code = e instanceof RideDesk.NotFound ? 404 : e instanceof IllegalArgumentException ? 400 : e instanceof IllegalStateException ? 409 : 500;
            if (code == 500) {
                ctx.fail(e);
                return;
            }
            String title = code == 404 ? "Not Found" : code == 409 ? "Conflict" : "Bad Request";
            ctx.response().setStatusCode(code).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", code).put("detail", e.getMessage()).encode());
        });
    }
}
