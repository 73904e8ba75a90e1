package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.domain.DayPlan;
import cn.taihang.bridge.dispatch.domain.Departure;
import cn.taihang.bridge.dispatch.domain.Place;
import cn.taihang.bridge.dispatch.port.HubNotice;
import cn.taihang.bridge.forecast.DayForecast;
import cn.taihang.bridge.forecast.DayKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Dispatch's JSON: its typed answers as its OpenAPI part documents them, the hub notice as the {@code dispatch-notice}
 * command carries it, and a day plan as {@code dispatch_plans} stores it (the same form the API shows).
 */
final class DispatchJson {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private DispatchJson() {
    }

    static JsonObject places(List<Place> places) {
        JsonArray items = new JsonArray();
        for (Place p : places) {
            items.add(new JsonObject().put("id", p.id()).put("zh", p.zh()).put("en", p.en()).put("kind", p.kind()).put("lat", p.position().lat())
                    .put("lon", p.position().lon()));
        }
        return new JsonObject().put("items", items);
    }

    static JsonObject forecast(DispatchService.PlaceForecast f) {
        DayForecast passengers = f.passengers();
        JsonArray hours = new JsonArray();
        for (int i = 0; i < 24; i++) {
            hours.add(new JsonObject().put("hour", i).put("passengers", round(passengers.hour(i))).put("vehicles", round(f.vehicles().hour(i))));
        }
        return new JsonObject().put("place", f.place()).put("day", f.day().toString()).put("dayKind", kind(passengers.kind()))
                .put("holiday", passengers.holidayId()).put("basis", f.basis()).put("method", passengers.method())
                .put("trainingDays", passengers.trainingDays()).put("passengers", round(passengers.total())).put("hours", hours);
    }

    static JsonObject accuracy(DispatchService.Accuracy a) {
        return new JsonObject().put("place", a.place()).put("from", a.from().toString()).put("to", a.to().toString()).put("basis", a.basis())
                .put("days", a.result().days().size()).put("mase", finite(a.result().mase())).put("relativeMae", finite(a.result().relativeMae()))
                .put("naiveScale", finite(a.result().scale()));
    }

    /** @return a planning round's answer: the plan and the notices it sent */
    static JsonObject planned(DispatchService.Planned p, ZoneId zone) {
        JsonArray notices = new JsonArray();
        p.notices().forEach(n -> notices.add(notice(n)));
        return plan(p.day(), p.kind(), p.plan(), zone).put("notices", notices);
    }

    /** @return the stored or fresh plan, its departures only of {@code line} if given */
    static JsonObject departures(DispatchService.Planned p, String line, ZoneId zone) {
        JsonObject json = plan(p.day(), p.kind(), p.plan(), zone).put("stored", p.stored());
        if (line != null) {
            JsonArray only = new JsonArray();
            p.plan().departures().stream().filter(d -> d.line().equals(line)).forEach(d -> only.add(departure(d, zone)));
            json.put("departures", only);
        }
        return json;
    }

    /** @return a day plan as the API shows it and {@code dispatch_plans} stores it */
    static JsonObject plan(LocalDate day, DayKind kind, DayPlan plan, ZoneId zone) {
        JsonArray deps = new JsonArray();
        plan.departures().forEach(d -> deps.add(departure(d, zone)));
        JsonArray unserved = new JsonArray();
        plan.unserved().forEach(d -> unserved.add(departure(d, zone)));
        return new JsonObject().put("day", day.toString()).put("dayKind", kind(kind)).put("extras", plan.extras().size()).put("departures", deps)
                .put("unserved", unserved);
    }

    /** @return the day plan a stored {@link #plan} holds (loads rounded as shown) */
    static DayPlan decodePlan(JsonObject stored, ZoneId zone) {
        return new DayPlan(decodeDepartures(stored.getJsonArray("departures"), zone), decodeDepartures(stored.getJsonArray("unserved"), zone));
    }

    private static List<Departure> decodeDepartures(JsonArray array, ZoneId zone) {
        return array.stream().map(JsonObject.class::cast).map(d -> new Departure(d.getString("line"),
                OffsetDateTime.parse(d.getString("time")).atZoneSameInstant(zone).toLocalDateTime(), d.getBoolean("extra"), d.getInteger("capacity"),
                d.getDouble("forecastLoad"), d.getString("depot"))).toList();
    }

    private static JsonObject departure(Departure d, ZoneId zone) {
        return new JsonObject().put("line", d.line()).put("time", RFC_3339.format(d.time().atZone(zone))).put("extra", d.extra())
                .put("capacity", d.capacity()).put("forecastLoad", round(d.forecastLoad())).put("depot", d.depot());
    }

    /** @return the notice as the API shows it and the {@code dispatch-notice} command carries it */
    static JsonObject notice(HubNotice notice) {
        JsonArray lines = new JsonArray();
        notice.lines().forEach(l -> lines.add(new JsonObject().put("zh", l.zh()).put("en", l.en())));
        return new JsonObject().put("site", notice.site()).put("messageId", notice.messageId()).put("priority", notice.priority())
                .put("validUntil", notice.validUntil().toString()).put("lines", lines);
    }

    static JsonObject ride(RideDesk.Ride r) {
        return new JsonObject().put("id", r.id()).put("hub", r.hub()).put("passengers", r.passengers()).put("state", r.state()).put("vehicle", r.vehicle())
                .put("plate", r.plate()).put("etaMinutes", r.etaMinutes()).put("roadKm", r.roadKm())
                .put("requestedAt", time(r.requestedAt())).put("assignedAt", time(r.assignedAt())).put("completedAt", time(r.completedAt()));
    }

    static JsonObject vehicles(List<RideDesk.FleetVehicle> vehicles) {
        JsonArray items = new JsonArray();
        vehicles.forEach(v -> items.add(new JsonObject().put("id", v.id()).put("plate", v.plate()).put("lat", v.position().lat())
                .put("lon", v.position().lon()).put("free", v.free()).put("ride", v.ride())));
        return new JsonObject().put("items", items);
    }

    private static String time(java.time.Instant t) {
        return t == null ? null : t.toString();
    }

    private static String kind(DayKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null;
    }
}
