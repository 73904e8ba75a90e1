package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.port.HubSignPublisher;
import cn.taihang.bridge.dispatch.domain.DayPlan;
import cn.taihang.bridge.dispatch.domain.Departure;
import cn.taihang.bridge.dispatch.domain.DeparturePlanner;
import cn.taihang.bridge.dispatch.domain.GeoPoint;
import cn.taihang.bridge.dispatch.port.HubNotice;
import cn.taihang.bridge.dispatch.domain.NoticeComposer;
import cn.taihang.bridge.dispatch.domain.Place;
import cn.taihang.bridge.dispatch.domain.TourLine;
import cn.taihang.bridge.forecast.Backtest;
import cn.taihang.bridge.forecast.DayForecast;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forecasts, day plans with extra departures, and hub notices. The forecast of a place is a
 * {@link SeasonalForecaster} over its hourly passengers (ticket scans, or counted vehicles × persons per vehicle
 * where the place has no scans); the plan is {@link DeparturePlanner}'s; each hub's notice goes to the
 * {@link HubSignPublisher} when it changed.
 */
final class DispatchService {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchService.class);
    private static final int NOTICE_LOOKAHEAD_MINUTES = 120;
    private static final int NOTICE_LINES = 4;
    private static final java.time.format.DateTimeFormatter RFC_3339 = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final DispatchNetwork network;
    private final Pool writer;
    private final Pool reader;
    private final SeasonalForecaster forecaster;
    private final HubSignPublisher signs;
    private final Map<String, Place> places;
    private final Map<String, String> lastNotice = new ConcurrentHashMap<>();

    DispatchService(DispatchNetwork network, Pool writer, Pool reader, SeasonalForecaster forecaster, HubSignPublisher signs) {
        this.network = network;
        this.writer = writer;
        this.reader = reader;
        this.forecaster = forecaster;
        this.signs = signs;
        this.places = network.placesById();
    }

    DispatchNetwork network() {
        return network;
    }

    Place place(String id) {
        Place p = places.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown place '" + id + "'; GET /api/v1/dispatch/places lists them");
        }
        return p;
    }

    /** @return the place's passenger forecast for the day, with the basis it was made from */
    Future<JsonObject> forecast(String placeId, LocalDate day) {
        Place place = place(placeId);
        return FlowStore.histories(reader, place.id(), day, network.zone(), network.personsPerVehicle()).map(h -> {
            DayForecast passengers = forecaster.forecast(h.passengers(), day);
            DayForecast vehicles = forecaster.forecast(h.vehicles(), day);
            JsonArray hours = new JsonArray();
            for (int i = 0; i < 24; i++) {
                hours.add(new JsonObject().put("hour", i).put("passengers", round(passengers.hour(i))).put("vehicles", round(vehicles.hour(i))));
            }
            return new JsonObject().put("place", place.id()).put("day", day.toString()).put("dayKind", passengers.kind().name().toLowerCase())
                    .put("holiday", passengers.holidayId()).put("basis", h.basis()).put("method", passengers.method())
                    .put("trainingDays", passengers.trainingDays()).put("passengers", round(passengers.total())).put("hours", hours);
        });
    }

    /** @return the rolling-origin evaluation of the passenger forecast on the held-out days {@code from..to} */
    Future<JsonObject> accuracy(String placeId, LocalDate from, LocalDate to) {
        Place place = place(placeId);
        if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() > 62) {
            throw new IllegalArgumentException("to must be on or after from, at most 62 days later");
        }
        return FlowStore.histories(reader, place.id(), to.plusDays(1), network.zone(), network.personsPerVehicle()).map(h -> {
            Backtest.Result r = Backtest.run(forecaster, h.passengers(), from, to, 7);
            return new JsonObject().put("place", place.id()).put("from", from.toString()).put("to", to.toString()).put("basis", h.basis())
                    .put("days", r.days().size()).put("mase", finite(r.mase())).put("relativeMae", finite(r.relativeMae()))
                    .put("naiveScale", finite(r.scale()));
        });
    }

    /** @return the day's plan: forecast per line origin, timetable, extras from the depot pool */
    Future<DayPlan> compute(LocalDate day) {
        List<String> origins = network.lines().stream().map(TourLine::origin).filter(places::containsKey).distinct().toList();
        Map<String, double[]> hourly = new HashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (String origin : origins) {
            chain = chain.compose(v -> FlowStore.histories(reader, origin, day, network.zone(), network.personsPerVehicle()))
                    .map(h -> {
                        hourly.put(origin, forecaster.forecast(h.passengers(), day).hours());
                        return null;
                    });
        }
        return chain.map(v -> {
            Map<String, GeoPoint> positions = places.values().stream().collect(Collectors.toMap(Place::id, Place::position));
            return new DeparturePlanner(network.capacityThreshold()).plan(day, forecaster.calendar().kind(day), network.lines(), hourly, positions,
                    network.depots());
        });
    }

    /** Plans the day, stores the plan and sends each hub's notice as of {@code at} to the signs when it changed. */
    Future<JsonObject> plan(LocalDate day, LocalDateTime at) {
        return compute(day).compose(plan -> {
            JsonObject json = planJson(day, plan);
            return writer.withTransaction(tx -> tx.preparedQuery("INSERT OR REPLACE INTO dispatch_plans (day, created_ms, plan_json) VALUES (?, ?, ?)")
                    .execute(Tuple.of(day.toString(), System.currentTimeMillis(), json.encode())))
                    .compose(x -> notices(plan, at))
                    .map(sent -> json.put("notices", sent));
        });
    }

    private Future<JsonArray> notices(DayPlan plan, LocalDateTime at) {
        NoticeComposer composer = new NoticeComposer(network.zone(), NOTICE_LOOKAHEAD_MINUTES, NOTICE_LINES);
        JsonArray sent = new JsonArray();
        List<Future<Void>> all = new ArrayList<>();
        Map<String, TourLine> lines = network.linesById();
        for (Place hub : places.values()) {
            if (!hub.hub() || network.lines().stream().noneMatch(l -> l.origin().equals(hub.id()))) {
                continue;
            }
            HubNotice notice = composer.compose(hub, plan.extras(), lines, places, at);
            if (notice.messageId().equals(lastNotice.get(hub.id()))) {
                continue;
            }
            sent.add(CommandSignPublisher.json(notice));
            all.add(signs.publish(notice).onSuccess(v -> lastNotice.put(hub.id(), notice.messageId()))
                    .onFailure(e -> LOG.warn("notice for {} not published, retried at the next planning round: {}", hub.id(), e.toString())));
        }
        return Future.join(all).transform(ar -> Future.succeededFuture(sent));
    }

    /** @return the stored plan of the day, or a fresh one (not stored, no notices) if the day was never planned */
    Future<JsonObject> departures(LocalDate day, String line) {
        if (line != null && !network.linesById().containsKey(line)) {
            throw new IllegalArgumentException("unknown line '" + line + "'");
        }
        return reader.preparedQuery("SELECT plan_json FROM dispatch_plans WHERE day = ?").execute(Tuple.of(day.toString())).compose(rows -> {
            if (rows.size() > 0) {
                return Future.succeededFuture(new JsonObject(rows.iterator().next().getString(0)).put("stored", true));
            }
            return compute(day).map(p -> planJson(day, p).put("stored", false));
        }).map(json -> {
            if (line == null) {
                return json;
            }
            JsonArray only = new JsonArray();
            json.getJsonArray("departures").stream().map(JsonObject.class::cast).filter(d -> d.getString("line").equals(line)).forEach(only::add);
            return json.put("departures", only);
        });
    }

    JsonObject planJson(LocalDate day, DayPlan plan) {
        JsonArray deps = new JsonArray();
        plan.departures().forEach(d -> deps.add(departureJson(d)));
        JsonArray unserved = new JsonArray();
        plan.unserved().forEach(d -> unserved.add(departureJson(d)));
        return new JsonObject().put("day", day.toString()).put("dayKind", forecaster.calendar().kind(day).name().toLowerCase())
                .put("extras", plan.extras().size()).put("departures", deps).put("unserved", unserved);
    }

    private JsonObject departureJson(Departure d) {
        return new JsonObject().put("line", d.line()).put("time", RFC_3339.format(d.time().atZone(network.zone()))).put("extra", d.extra())
                .put("capacity", d.capacity()).put("forecastLoad", round(d.forecastLoad())).put("depot", d.depot());
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : null;
    }
}
