package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.port.HubSignPublisher;
import cn.taihang.bridge.module.ServiceException;
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
import cn.taihang.bridge.forecast.DayKind;
import cn.taihang.bridge.forecast.SeasonalForecaster;
import io.vertx.core.Future;
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
            throw ServiceException.invalid("unknown place '" + id + "'; GET /api/v1/dispatch/places lists them");
        }
        return p;
    }

    /**
     * A place's passenger forecast for a day.
     *
     * @param basis {@code ticket-scans} or {@code vehicle-counts}: what the passengers were counted from
     */
    record PlaceForecast(String place, LocalDate day, DayForecast passengers, DayForecast vehicles, String basis) {}

    /**
     * The rolling-origin evaluation of a place's passenger forecast on held-out days.
     *
     * @param basis what the passengers were counted from
     */
    record Accuracy(String place, LocalDate from, LocalDate to, String basis, Backtest.Result result) {}

    /**
     * A day's plan.
     *
     * @param kind the day's kind in the holiday calendar
     * @param notices the hub notices this planning round sent (those that changed); empty for a stored or fresh plan
     * @param stored whether it is the plan stored by the last planning round (else computed now, not stored)
     */
    record Planned(LocalDate day, DayKind kind, DayPlan plan, List<HubNotice> notices, boolean stored) {}

    /** @return the place's passenger forecast for the day, with the basis it was made from; fails INVALID for an unknown place */
    Future<PlaceForecast> forecast(String placeId, LocalDate day) {
        Place place = place(placeId);
        return FlowStore.histories(reader, place.id(), day, network.zone(), network.personsPerVehicle())
                .map(h -> new PlaceForecast(place.id(), day, forecaster.forecast(h.passengers(), day), forecaster.forecast(h.vehicles(), day), h.basis()));
    }

    /** @return the rolling-origin evaluation of the passenger forecast on the held-out days {@code from..to} */
    Future<Accuracy> accuracy(String placeId, LocalDate from, LocalDate to) {
        Place place = place(placeId);
        if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() > 62) {
            throw ServiceException.invalid("to must be on or after from, at most 62 days later");
        }
        return FlowStore.histories(reader, place.id(), to.plusDays(1), network.zone(), network.personsPerVehicle())
                .map(h -> new Accuracy(place.id(), from, to, h.basis(), Backtest.run(forecaster, h.passengers(), from, to, 7)));
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
    Future<Planned> plan(LocalDate day, LocalDateTime at) {
        DayKind kind = forecaster.calendar().kind(day);
        return compute(day).compose(plan -> writer.withTransaction(tx -> tx.preparedQuery(
                        "INSERT INTO dispatch_plans (day, created_ms, plan_json) VALUES ($1, $2, $3) "
                                + "ON CONFLICT (day) DO UPDATE SET created_ms = excluded.created_ms, plan_json = excluded.plan_json")
                .execute(Tuple.of(day.toString(), System.currentTimeMillis(), DispatchJson.plan(day, kind, plan, network.zone()).encode())))
                .compose(x -> notices(plan, at))
                .map(sent -> new Planned(day, kind, plan, sent, true)));
    }

    private Future<List<HubNotice>> notices(DayPlan plan, LocalDateTime at) {
        NoticeComposer composer = new NoticeComposer(network.zone(), NOTICE_LOOKAHEAD_MINUTES, NOTICE_LINES);
        List<HubNotice> sent = new ArrayList<>();
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
            sent.add(notice);
            all.add(signs.publish(notice).onSuccess(v -> lastNotice.put(hub.id(), notice.messageId()))
                    .onFailure(e -> LOG.warn("notice for {} not published, retried at the next planning round: {}", hub.id(), e.toString())));
        }
        return Future.join(all).transform(ar -> Future.succeededFuture(List.copyOf(sent)));
    }

    /**
     * @return the stored plan of the day, or a fresh one (not stored, no notices) if the day was never planned; fails
     *     INVALID for an unknown line
     */
    Future<Planned> departures(LocalDate day, String line) {
        if (line != null && !network.linesById().containsKey(line)) {
            throw ServiceException.invalid("unknown line '" + line + "'");
        }
        DayKind kind = forecaster.calendar().kind(day);
        return reader.preparedQuery("SELECT plan_json FROM dispatch_plans WHERE day = $1").execute(Tuple.of(day.toString())).compose(rows -> {
            if (rows.size() > 0) {
                JsonObject stored = new JsonObject(rows.iterator().next().getString(0));
                return Future.succeededFuture(new Planned(day, kind, DispatchJson.decodePlan(stored, network.zone()), List.of(), true));
            }
            return compute(day).map(p -> new Planned(day, kind, p, List.of(), false));
        });
    }
}
