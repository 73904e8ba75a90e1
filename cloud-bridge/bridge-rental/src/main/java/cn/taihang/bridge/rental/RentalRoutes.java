package cn.taihang.bridge.rental;

import cn.taihang.bridge.rental.port.RentalEntitlement;
import cn.taihang.bridge.rental.port.RentalPassIssuer;
import cn.taihang.bridge.rental.domain.CarState;
import cn.taihang.bridge.rental.domain.OneWayTariff;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The rental's HTTP routes under {@code /api/v1/rental/}; documented in the bridge's OpenAPI document. */
final class RentalRoutes {

    private static final int BODY_LIMIT = 16 * 1024;

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

    void mount(Router router) {
        router.get("/rental/stations").handler(this::stations);
        router.get("/rental/availability").handler(ctx -> HttpAnswers.answer(ctx, 200, () -> {
            String station = ctx.queryParams().get("station");
            var from = HttpAnswers.instant("pickupFrom", ctx.queryParams().get("pickupFrom"));
            return rental.available(station, from, clock.instant()).map(n -> new JsonObject().put("station", station)
                    .put("pickupFrom", from.toString()).put("available", n));
        }));
        router.get("/rental/quote").handler(ctx -> HttpAnswers.answer(ctx, 200, () -> {
            var q = ctx.queryParams();
            var from = HttpAnswers.instant("pickupFrom", q.get("pickupFrom"));
            var until = HttpAnswers.instant("returnUntil", q.get("returnUntil"));
            OneWayTariff.Quote quote = rental.quote(new RentalService.BookingRequest("quote", q.get("pickupStation"), from, from.plusSeconds(1),
                    q.get("returnStation"), until.minusSeconds(1), until), clock.instant());
            return Future.succeededFuture(quoteJson(quote));
        }));
        router.post("/rental/reservations").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(this::book);
        router.get("/rental/reservations/:id").handler(ctx -> HttpAnswers.answer(ctx, 200,
                () -> rental.reservation(ctx.pathParam("id")).map(Reservation::toJson)));
        router.post("/rental/reservations/:id/cancel").handler(ctx -> HttpAnswers.answer(ctx, 200,
                () -> rental.cancel(ctx.pathParam("id"), clock.instant()).map(Reservation::toJson)));
        router.post("/rental/reservations/:id/pickup").handler(ctx -> HttpAnswers.answer(ctx, 200,
                () -> rental.pickup(ctx.pathParam("id"), clock.instant()).map(Reservation::toJson)));
        router.post("/rental/reservations/:id/return").handler(ctx -> HttpAnswers.answer(ctx, 200,
                () -> rental.giveBack(ctx.pathParam("id"), clock.instant()).map(Reservation::toJson)));
        router.get("/rental/reservations/:id/entitlements").handler(ctx -> HttpAnswers.answer(ctx, 200,
                () -> rental.entitlements(ctx.pathParam("id")).map(RentalRoutes::entitlementsJson)));
        router.post("/rental/reservations/:id/passes").handler(ctx -> HttpAnswers.answer(ctx, 200, () -> rental.passes(ctx.pathParam("id"), passes)));
        router.get("/rental/cars").handler(ctx -> HttpAnswers.answer(ctx, 200,
                () -> rental.cars(ctx.queryParams().get("station"), ctx.queryParams().get("state")).map(cars -> new JsonObject().put("items", new JsonArray(cars)))));
        router.post("/rental/cars/:id/state").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> HttpAnswers.answer(ctx, 200, () -> {
            String state = HttpAnswers.text(HttpAnswers.body(ctx), "state");
            if (state == null) {
                throw RentalException.badRequest("state is required: maintenance or available");
            }
            return rental.setState(ctx.pathParam("id"), CarState.of(state), clock.instant());
        }));
        router.post("/rental/cars/:id/arrive").handler(ctx -> HttpAnswers.answer(ctx, 200, () -> rental.arrive(ctx.pathParam("id"), clock.instant())));
        router.get("/rental/rebalancing").handler(ctx -> HttpAnswers.answer(ctx, 200,
                () -> rebalancing.plan(day(ctx.queryParams().get("day")), clock.instant(), false)));
        router.post("/rental/rebalancing").handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> HttpAnswers.answer(ctx, 200,
                () -> rebalancing.plan(day(HttpAnswers.text(HttpAnswers.body(ctx), "day")), clock.instant(), true)));
    }

    private LocalDate day(String value) {
        return value == null ? LocalDate.now(clock.withZone(rental.network().zone())).plusDays(1) : HttpAnswers.date("day", value);
    }

    private void stations(RoutingContext ctx) {
        HttpAnswers.answer(ctx, 200, () -> rental.cars(null, null).map(cars -> {
            JsonArray items = new JsonArray();
            rental.network().stations().forEach(s -> {
                java.util.Map<String, Long> byState = cars.stream().filter(c -> s.id().equals(c.getString("station")))
                        .collect(Collectors.groupingBy(c -> c.getString("state"), Collectors.counting()));
                JsonObject counts = new JsonObject();
                for (CarState state : List.of(CarState.AVAILABLE, CarState.RESERVED, CarState.MAINTENANCE)) {
                    counts.put(state.id(), byState.getOrDefault(state.id(), 0L));
                }
                items.add(new JsonObject().put("id", s.id()).put("zh", s.zh()).put("en", s.en()).put("city", s.city()).put("lat", s.lat())
                        .put("lon", s.lon()).put("lockerSite", s.lockerSite()).put("ticketPlace", s.ticketPlace()).put("cars", counts));
            });
            return new JsonObject().put("items", items);
        }));
    }

    private void book(RoutingContext ctx) {
        HttpAnswers.answer(ctx, 201, () -> {
            JsonObject b = HttpAnswers.body(ctx);
            JsonObject pickup = b.getValue("pickup") instanceof JsonObject p ? p : new JsonObject();
            JsonObject back = b.getValue("return") instanceof JsonObject r ? r : new JsonObject();
            RentalService.BookingRequest request = new RentalService.BookingRequest(HttpAnswers.text(b, "customer"), HttpAnswers.text(pickup, "station"),
                    HttpAnswers.instant("pickup.from", HttpAnswers.text(pickup, "from")), HttpAnswers.instant("pickup.until", HttpAnswers.text(pickup, "until")),
                    HttpAnswers.text(back, "station"), HttpAnswers.instant("return.from", HttpAnswers.text(back, "from")),
                    HttpAnswers.instant("return.until", HttpAnswers.text(back, "until")));
            return rental.book(request, clock.instant()).map(Reservation::toJson);
        });
    }

    static JsonObject quoteJson(OneWayTariff.Quote q) {
        return new JsonObject().put("days", q.days()).put("dailyRateFen", q.dailyRateFen()).put("oneWayFeeFen", q.oneWayFeeFen()).put("totalFen", q.totalFen());
    }

    static JsonObject entitlementsJson(List<RentalEntitlement> list) {
        JsonArray items = new JsonArray();
        list.forEach(e -> items.add(new JsonObject().put("reservation", e.reservationId()).put("action", e.action()).put("station", e.stationId())
                .put("place", e.place()).put("lockerSite", e.lockerSite()).put("car", e.carId()).put("validFrom", e.validFrom().toString()).put("validUntil", e.validUntil().toString())));
        return new JsonObject().put("items", items);
    }
}
