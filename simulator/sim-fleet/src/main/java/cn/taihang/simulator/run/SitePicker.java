package cn.taihang.simulator.run;

import cn.taihang.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks sites so that a small run still shows every kind of site (hub, road post, service area…). */
public final class SitePicker {

    private SitePicker() {
    }

    /**
     * @param count how many sites, 0 or less for all
     * @return that many sites, taking one of each kind in turn
     */
    public static List<Scenario.Site> pick(Scenario scenario, int count) {
        Map<String, List<Scenario.Site>> byKind = new LinkedHashMap<>();
        for (Scenario.Site site : scenario.sites()) {
            byKind.computeIfAbsent(site.kind(), k -> new ArrayList<>()).add(site);
        }
        int wanted = count <= 0 ? scenario.sites().size() : Math.min(count, scenario.sites().size());
        List<Scenario.Site> picked = new ArrayList<>();
        for (int round = 0; picked.size() < wanted; round++) {
            for (List<Scenario.Site> sites : byKind.values()) {
                if (round < sites.size() && picked.size() < wanted) {
                    picked.add(sites.get(round));
                }
            }
        }
        return picked;
    }
}
