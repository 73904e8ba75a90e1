package cn.taihang.bridge.rental;

import cn.taihang.bridge.rental.domain.CarState;
import cn.taihang.bridge.rental.domain.OneWayTariff;
import cn.taihang.bridge.rental.domain.RebalancingPlan;
import cn.taihang.bridge.rental.port.RentalEntitlement;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rental's JSON, both ways: request fields parsed (refusing bad ones) and typed answers mapped, as its OpenAPI part documents. */
final class RentalJson {

    private RentalJson() {
    }

    /** @throws cn.taihang.bridge.module.ServiceException INVALID if the body is not a JSON object */
    static JsonObject body(io.vertx.ext.web.RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            return body == null ? new JsonObject() : body;
        } catch (RuntimeException e) {
            throw RentalRefusals.invalid("the body must be a JSON object");
        }
    }

    /** @throws cn.taihang.bridge.module.ServiceException INVALID naming the field if it is missing or not an ISO-8601 instant with an offset */
    static Instant instant(String field, String value) {
        if (value == null) {
            throw RentalRefusals.invalid(field + " is required (ISO-8601 with an offset, e.g. 2026-10-01T09:00:00+08:00)");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw RentalRefusals.invalid(field + " must be ISO-8601 with an offset, e.g. 2026-10-01T09:00:00+08:00; was '" + value + "'");
        }
    }

    /** @throws cn.taihang.bridge.module.ServiceException INVALID if not a date */
    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException | NullPointerException e) {
            throw RentalRefusals.invalid(field + " must be a date like 2026-10-01; was '" + value + "'");
        }
    }

    /** @return a JSON body's text field, or throws INVALID if present but not text */
    static String text(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v != null && !(v instanceof String)) {
            throw RentalRefusals.invalid(field + " must be a string");
        }
        return (String) v;
    }

    static JsonObject reservation(Reservation r) {
        return new JsonObject().put("id", r.id()).put("customer", r.customer()).put("state", r.state()).put("car", r.car())
                .put("pickup", new JsonObject().put("station", r.pickupStation()).put("from", r.pickupFrom().toString()).put("until", r.pickupUntil().toString()))
                .put("return", new JsonObject().put("station", r.returnStation()).put("from", r.returnFrom().toString()).put("until", r.returnUntil().toString()))
                .put("feeFen", r.feeFen()).put("oneWayFeeFen", r.oneWayFeeFen()).put("createdAt", r.createdAt().toString());
    }

    static JsonObject car(Car c) {
        return new JsonObject().put("id", c.id()).put("plate", c.plate()).put("station", c.station()).put("state", c.state())
                .put("destination", c.destination()).put("eta", c.eta() == null ? null : c.eta().toString());
    }

    static JsonObject cars(List<Car> cars) {
        JsonArray items = new JsonArray();
        cars.forEach(c -> items.add(car(c)));
        return new JsonObject().put("items", items);
    }

    static JsonObject stations(RentalNetwork network, List<Car> cars) {
        JsonArray items = new JsonArray();
        network.stations().forEach(s -> {
            Map<String, Long> byState = cars.stream().filter(c -> s.id().equals(c.station()))
                    .collect(Collectors.groupingBy(Car::state, Collectors.counting()));
            JsonObject counts = new JsonObject();
            for (CarState state : List.of(CarState.AVAILABLE, CarState.RESERVED, CarState.MAINTENANCE)) {
                counts.put(state.id(), byState.getOrDefault(state.id(), 0L));
            }
            items.add(new JsonObject().put("id", s.id()).put("zh", s.zh()).put("en", s.en()).put("city", s.city()).put("lat", s.lat())
                    .put("lon", s.lon()).put("lockerSite", s.lockerSite()).put("ticketPlace", s.ticketPlace()).put("cars", counts));
        });
        return new JsonObject().put("items", items);
    }

    static JsonObject quote(OneWayTariff.Quote q) {
        return new JsonObject().put("days", q.days()).put("dailyRateFen", q.dailyRateFen()).put("oneWayFeeFen", q.oneWayFeeFen()).put("totalFen", q.totalFen());
    }

    static JsonObject entitlements(List<RentalEntitlement> list) {
        JsonArray items = new JsonArray();
        list.forEach(e -> items.add(new JsonObject().put("reservation", e.reservationId()).put("action", e.action()).put("station", e.stationId())
                .put("place", e.place()).put("lockerSite", e.lockerSite()).put("car", e.carId()).put("validFrom", e.validFrom().toString())
                .put("validUntil", e.validUntil().toString())));
        return new JsonObject().put("items", items);
    }

    static JsonObject passes(List<RentalService.IssuedPass> passes) {
        JsonArray items = new JsonArray();
        passes.forEach(p -> items.add(new JsonObject().put("action", p.action()).put("station", p.station()).put("ticketId", p.ticketId())
                .put("qrText", p.qrText())));
        return new JsonObject().put("items", items);
    }

    static JsonObject rebalancing(RentalRebalancing.Answer a) {
        JsonArray perStation = new JsonArray();
        a.stations().forEach(s -> perStation.add(new JsonObject().put("station", s.station()).put("supply", s.supply()).put("demand", s.demand())
                .put("confirmedPickups", s.confirmedPickups()).put("forecastRequests", Math.round(s.forecastRequests() * 10) / 10.0)));
        JsonObject answer = new JsonObject().put("day", a.day().toString()).put("arrival", a.arrival().toString()).put("committed", a.committed())
                .put("plan", plan(a.plan())).put("greedy", plan(a.greedy())).put("stations", perStation);
        if (a.committed()) {
            JsonArray sent = new JsonArray();
            a.carsSent().forEach(m -> sent.add(new JsonObject().put("car", m.car()).put("from", m.from()).put("to", m.to())));
            answer.put("carsSent", sent);
        }
        return answer;
    }

    static JsonObject plan(RebalancingPlan plan) {
        JsonArray moves = new JsonArray();
        plan.moves().forEach(m -> moves.add(new JsonObject().put("from", m.from()).put("to", m.to()).put("cars", m.cars()).put("costEachFen", m.costEachFen())));
        return new JsonObject().put("method", plan.method()).put("moves", moves).put("carsMoved", plan.carsMoved()).put("moveCostFen", plan.moveCostFen())
                .put("unmet", plan.unmet()).put("totalCostFen", plan.totalCostFen());
    }
}
