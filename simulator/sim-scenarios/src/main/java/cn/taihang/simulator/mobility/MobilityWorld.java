package cn.taihang.simulator.mobility;

import cn.taihang.bridge.dispatch.DispatchNetwork;
import cn.taihang.bridge.dispatch.domain.Place;
import cn.taihang.bridge.dispatch.domain.TourLine;
import cn.taihang.bridge.rental.RentalNetwork;
import cn.taihang.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Jincheng mobility world: the places the bridge's dispatch service forecasts (hubs and scenic areas), their
 * daily passenger volumes on an ordinary day (hubs: 6 × the peak-hour vehicles of their counted lanes; scenic areas:
 * 35 % of their daily capacity), the high-speed-rail stations' train arrivals, the 38 tourist lines and depots as
 * the bridge knows them, and the rental network.
 *
 * @param sites every place with its demand
 * @param dispatch the bridge's dispatch network (lines, shares, capacities, depots)
 * @param rental the bridge's rental network
 */
record MobilityWorld(List<Site> sites, DispatchNetwork dispatch, RentalNetwork rental) {

    /**
     * A place and its demand.
     *
     * @param id place id
     * @param en English name
     * @param hub whether it is a hub
     * @param scenic whether its arrivals follow the tourist-road profile
     * @param perDay passengers on an ordinary day
     * @param trains HSR arrival minutes, empty if not an HSR station
     */
    record Site(String id, String en, boolean hub, boolean scenic, double perDay, int[] trains) {}

    static MobilityWorld of(Scenario scenario) {
        DispatchNetwork dispatch = DispatchNetwork.load();
        List<Site> sites = new ArrayList<>();
        for (Place p : dispatch.places()) {
            var site = scenario.site(p.id());
            var area = scenario.scenicAreas().stream().filter(a -> a.id().equals(p.id())).findFirst();
            double perDay = site.map(s -> 6.0 * s.lanes().stream().mapToInt(Scenario.Lane::peakPerHour).sum())
                    .orElseGet(() -> 0.35 * area.map(Scenario.ScenicArea::dailyCapacity).orElse(1000));
            int[] trains = switch (p.id()) {
                case "jincheng-hsr-east" -> DemandModel.JINCHENG_TRAINS;
                case "gaoping-hsr-east" -> DemandModel.GAOPING_TRAINS;
                default -> new int[0];
            };
            sites.add(new Site(p.id(), p.en(), p.hub(), !p.hub(), perDay, trains));
        }
        return new MobilityWorld(sites, dispatch, RentalNetwork.load());
    }

    /** @return hubs where at least one tourist line starts */
    List<Site> lineHubs() {
        return sites.stream().filter(s -> s.hub() && dispatch.lines().stream().anyMatch(l -> l.origin().equals(s.id()))).toList();
    }

    /** @return lines by origin */
    Map<String, List<TourLine>> linesByOrigin() {
        Map<String, List<TourLine>> m = new java.util.LinkedHashMap<>();
        dispatch.lines().forEach(l -> m.computeIfAbsent(l.origin(), k -> new ArrayList<>()).add(l));
        return m;
    }
}
