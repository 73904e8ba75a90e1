package cn.taihang.bridge.signs;

import cn.taihang.sign.rendering.ColourScheme;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers what a hub board shows — dispatch's notice for its site (extra buses first, "as scheduled" last), the planned
 * next departures from its site, free spaces of the car parks at those destinations (and at the site), the latest
 * road-weather alarm — and has {@link HubBoardComposer} lay it out.
 */
final class HubBoards {

    private final SignNetwork network;
    private final PlannedTimetable timetable;
    private final HubBoardComposer composer;
    private final SignStore store;

    HubBoards(SignNetwork network, HubBoardComposer composer, SignStore store) {
        this.network = network;
        this.timetable = new PlannedTimetable(network);
        this.composer = composer;
        this.store = store;
    }

    /** Dispatch notices of this priority or more urgent (lower) go before the departures. */
    static final int URGENT_NOTICE = 100;

    /** @return whether there is a network to compose from */
    boolean enabled() {
        return !network.lines().isEmpty();
    }

    /**
     * @return the board's MULTI for the sign, or {@code null} when there is nothing to
     *     compose (no network and no dispatch notice for its site)
     */
    Future<String> compose(SignStatus sign, Instant now) {
        return store.notice(sign.site(), now).compose(notice -> {
            if (notice == null && !enabled()) {
                return Future.succeededFuture(null);
            }
            List<HubBoardComposer.Named> lines = new ArrayList<>();
            if (notice != null) {
                notice.lines().forEach(l -> lines.add(new HubBoardComposer.Named(l.zh(), l.en())));
            }
            return compose(sign, now, notice == null ? null : new HubBoardComposer.Notice(lines, notice.priority() <= URGENT_NOTICE));
        });
    }

    private Future<String> compose(SignStatus sign, Instant now, HubBoardComposer.Notice notice) {
        String site = sign.site();
        List<PlannedTimetable.Departure> next = timetable.next(site, now, 7);
        List<HubBoardComposer.DepartureLine> departures = next.stream()
                .map(d -> new HubBoardComposer.DepartureLine(named(d.destination()), d.at())).toList();
        List<String> areas = new ArrayList<>();
        areas.add(site);
        next.forEach(d -> areas.add(d.destination()));
        String day = now.atZone(network.zone()).toLocalDate().toString();
        List<SignNetwork.Parking> parks = network.parking().stream().filter(p -> areas.contains(p.area()))
                .sorted((a, b) -> Integer.compare(areas.indexOf(a.area()), areas.indexOf(b.area()))).toList();
        Future<List<HubBoardComposer.ParkingLine>> parking = Future.succeededFuture(new ArrayList<>());
        for (SignNetwork.Parking p : parks) {
            parking = parking.compose(lines -> store.parkingOccupied(p.area(), day).map(occupied -> {
                lines.add(new HubBoardComposer.ParkingLine(named(p.area()), Math.max(0, p.spaces() - Math.max(0, occupied))));
                return lines;
            }));
        }
        return parking.compose(parkingLines -> store.roadAlarms().map(alarms -> {
            List<HubBoardComposer.RoadWarning> roads = new ArrayList<>();
            for (SignStore.RoadAlarm a : alarms) {
                roads.add(new HubBoardComposer.RoadWarning(named(a.site()), a.kind()));
            }
            return composer.compose(sign.width(), sign.height(), ColourScheme.valueOf(sign.colour()), sign.large(), network.zone(), now, departures,
                    parkingLines, roads, notice, enabled());
        }));
    }

    private HubBoardComposer.Named named(String placeId) {
        SignNetwork.Place place = network.places().get(placeId);
        return place == null ? new HubBoardComposer.Named(placeId, placeId) : new HubBoardComposer.Named(place.zh(), place.en());
    }
}
