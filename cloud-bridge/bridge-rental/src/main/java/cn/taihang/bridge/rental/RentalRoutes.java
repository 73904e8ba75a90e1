package cn.taihang.bridge.rental;

import cn.taihang.bridge.http.Replies;
import cn.taihang.bridge.rental.port.RentalPassIssuer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import cn.taihang.bridge.module.Access;
import cn.taihang.bridge.module.ApiRoutes;
import cn.taihang.bridge.module.Caller;
import cn.taihang.bridge.module.HolderToken;
import cn.taihang.bridge.module.Scopes;
import java.security.SecureRandom;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rental's HTTP routes under {@code /api/v1/rental/}, as its OpenAPI part documents them: request fields parsed by
 * {@link RentalJson}, typed answers mapped to JSON there; refusals fail the context for the core's problem renderer.
 */
final class RentalRoutes {

    private static final int BODY_LIMIT = 16 * 1024;
    private static final Access DESK = Access.scopes(Scopes.RENTAL_DESK);
    private static final Access DESK_OR_READ = Access.scopes(Scopes.RENTAL_DESK, Scopes.TELEMETRY_READ);
    private static final Access HOLDER_OR_DESK = Access.holderOr(Scopes.RENTAL_DESK);
    private static final Access HOLDER = Access.holderOr();

    private final SecureRandom random = new SecureRandom();

    private final RentalService rental;
    private final RentalRebalancing rebalancing;
    private final Clock clock;
    private final RentalPassIssuer passes;

    RentalRoutes(RentalService rental, RentalRebalancing rebalancing, Clock clock, RentalPassIssuer passes) {
        this.rental = rental;
        this.rebalancing = rebalancing;
        this.clock = clock;
        this.passes = passes;
    }

    void mount(ApiRoutes routes) {
        routes.get("/rental/stations", Access.open()).handler(ctx -> reply(ctx, 200, () -> rental.cars(null, null), cars -> RentalJson.stations(rental.network(), cars)));
        routes.get("/rental/availability", Access.open()).handler(ctx -> {
            String station = ctx.queryParams().get("station");
            var from = RentalJson.instant("pickupFrom", ctx.queryParams().get("pickupFrom"));
            reply(ctx, 200, () -> rental.available(station, from, clock.instant()),
                    n -> new JsonObject().put("station", station).put("pickupFrom", from.toString()).put("available", n));
        });
        routes.get("/rental/quote", Access.open()).handler(ctx -> {
            var q = ctx.queryParams();
            var from = RentalJson.instant("pickupFrom", q.get("pickupFrom"));
            var until = RentalJson.instant("returnUntil", q.get("returnUntil"));
            reply(ctx, 200, () -> Future.succeededFuture(rental.quote(new RentalService.BookingRequest("quote", q.get("pickupStation"), from,
                    from.plusSeconds(1), q.get("returnStation"), until.minusSeconds(1), until), clock.instant())), RentalJson::quote);
        });
        routes.post("/rental/reservations", DESK).handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::book);
        routes.get("/rental/reservations/:id", HOLDER_OR_DESK).handler(ctx -> reply(ctx, 200,
                () -> held(ctx, HOLDER_OR_DESK).compose(rental::reservation), RentalJson::reservation));
        routes.post("/rental/reservations/:id/cancel", HOLDER_OR_DESK).handler(ctx -> reply(ctx, 200,
                () -> held(ctx, HOLDER_OR_DESK).compose(id -> rental.cancel(id, clock.instant())), RentalJson::reservation));
        routes.post("/rental/reservations/:id/pickup", DESK).handler(ctx -> reply(ctx, 200,
                () -> rental.pickup(ctx.pathParam("id"), clock.instant()), RentalJson::reservation));
        routes.post("/rental/reservations/:id/return", DESK).handler(ctx -> reply(ctx, 200,
                () -> rental.giveBack(ctx.pathParam("id"), clock.instant()), RentalJson::reservation));
        routes.get("/rental/reservations/:id/entitlements", HOLDER_OR_DESK).handler(ctx -> reply(ctx, 200,
                () -> held(ctx, HOLDER_OR_DESK).compose(rental::entitlements), RentalJson::entitlements));
        routes.post("/rental/reservations/:id/passes", HOLDER).handler(ctx -> reply(ctx, 200,
                () -> held(ctx, HOLDER).compose(id -> rental.passes(id, passes)), RentalJson::passes));
        routes.get("/rental/cars", DESK_OR_READ).handler(ctx -> reply(ctx, 200,
                () -> rental.cars(ctx.queryParams().get("station"), ctx.queryParams().get("state")), RentalJson::cars));
        routes.post("/rental/cars/:id/state", DESK).handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> {
            String state = RentalJson.text(RentalJson.body(ctx), "state");
            if (state == null) {
                throw RentalRefusals.invalid("state is required: maintenance or available");
            }
            reply(ctx, 200, () -> rental.setState(ctx.pathParam("id"), RentalService.carState(state), clock.instant()), RentalJson::car);
        });
        routes.post("/rental/cars/:id/arrive", DESK).handler(ctx -> reply(ctx, 200, () -> rental.arrive(ctx.pathParam("id"), clock.instant()), RentalJson::car));
        routes.get("/rental/rebalancing", DESK_OR_READ).handler(ctx -> reply(ctx, 200,
                () -> rebalancing.plan(day(ctx.queryParams().get("day")), clock.instant(), false), RentalJson::rebalancing));
        routes.post("/rental/rebalancing", DESK).handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> {
            LocalDate day = day(RentalJson.text(RentalJson.body(ctx), "day"));
            reply(ctx, 200, () -> rebalancing.plan(day, clock.instant(), true), RentalJson::rebalancing);
        });
    }

    /** @return the path's reservation id once the caller may act on it: a scope of the access, or the reservation's holder token */
    private Future<String> held(RoutingContext ctx, Access access) {
        String id = ctx.pathParam("id");
        return Caller.of(ctx).mayActOn(access, () -> rental.holderHash(id), () -> RentalRefusals.notFound("reservation " + id)).map(id);
    }

    private LocalDate day(String value) {
        return value == null ? LocalDate.now(clock.withZone(rental.network().zone())).plusDays(1) : RentalJson.date("day", value);
    }

    private void book(RoutingContext ctx) {
        JsonObject b = RentalJson.body(ctx);
        JsonObject pickup = b.getValue("pickup") instanceof JsonObject p ? p : new JsonObject();
        JsonObject back = b.getValue("return") instanceof JsonObject r ? r : new JsonObject();
        RentalService.BookingRequest request = new RentalService.BookingRequest(RentalJson.text(b, "customer"), RentalJson.text(pickup, "station"),
                RentalJson.instant("pickup.from", RentalJson.text(pickup, "from")), RentalJson.instant("pickup.until", RentalJson.text(pickup, "until")),
                RentalJson.text(back, "station"), RentalJson.instant("return.from", RentalJson.text(back, "from")),
                RentalJson.instant("return.until", RentalJson.text(back, "until")));
        HolderToken holder = HolderToken.issue(random);
        reply(ctx, 201, () -> rental.book(request, holder.hash(), clock.instant()), r -> RentalJson.reservation(r).put("holderToken", holder.token()));
    }

    /** Answers the call's result; a domain rule's IllegalArgumentException (bad input that got past parsing) is a refusal, not a bug. */
    private static <T> void reply(RoutingContext ctx, int status, Supplier<Future<T>> call, Function<? super T, JsonObject> toJson) {
        Replies.json(ctx, status, call, toJson, e -> RentalRefusals.invalid(e.getMessage()));
    }
}
