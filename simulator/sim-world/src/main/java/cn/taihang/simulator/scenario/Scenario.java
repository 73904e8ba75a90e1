package cn.taihang.simulator.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A network to simulate, as read from {@code scenarios/<id>.json}: the Jincheng sites (hubs, service
 * areas, counting posts on the key tourist-road sections, the Taihang No.1 0 km post), their counted
 * lanes, the road sections, scenic areas, bus lines and the rental cities.
 *
 * @param id scenario id
 * @param zh Chinese name
 * @param en English name
 * @param source where the data comes from
 * @param sites every site that has a gateway
 * @param roadSections key tourist-road sections
 * @param scenicAreas scenic areas with their daily capacity
 * @param lines tourist bus lines
 * @param rentalCities cities of the one-way rental network
 */
public record Scenario(String id, String zh, String en, String source, List<Site> sites, List<RoadSection> roadSections,
                       List<ScenicArea> scenicAreas, List<Line> lines, List<City> rentalCities) {

    /** Copies the lists. */
    public Scenario {
        sites = List.copyOf(sites);
        roadSections = List.copyOf(roadSections);
        scenicAreas = List.copyOf(scenicAreas);
        lines = List.copyOf(lines);
        rentalCities = List.copyOf(rentalCities);
    }

    /** @return the site with this id */
    public Optional<Site> site(String siteId) {
        return sites.stream().filter(s -> s.id().equals(siteId)).findFirst();
    }

    /** @return the total number of counted lanes */
    public int laneCount() {
        return sites.stream().mapToInt(s -> s.lanes().size()).sum();
    }

    /**
     * A site with one gateway.
     *
     * @param id site id (also the suffix of its gateway id)
     * @param zh Chinese name
     * @param en English name
     * @param kind city-hub, county-hub, service-area, road-post or zero-km-post
     * @param lat latitude
     * @param lon longitude
     * @param section road section id for posts, else {@code null}
     * @param km position on the section for posts
     * @param lanes counted lanes
     */
    public record Site(String id, String zh, String en, String kind, double lat, double lon, String section, double km, List<Lane> lanes) {

        /** Copies the lanes. */
        public Site {
            lanes = lanes == null ? List.of() : List.copyOf(lanes);
        }

        /** @return the bilingual name as shown to people */
        public String bilingualName() {
            return zh + " " + en;
        }
    }

    /**
     * A counted lane.
     *
     * @param id lane id within its site, e.g. {@code l1}
     * @param zh direction in Chinese
     * @param en direction in English
     * @param loops {@code dual} (speed and class) or {@code single} (count only)
     * @param peakPerHour vehicles in the busiest hour of a normal day
     * @param road road type, which sets the speed model: hub, service-area or tourist-road
     */
    public record Lane(String id, String zh, String en, String loops, int peakPerHour, String road) {

        /** @return whether the lane has two loops */
        public boolean dual() {
            return "dual".equals(loops);
        }
    }

    /**
     * A key tourist-road section.
     *
     * @param id section id
     * @param zh Chinese name
     * @param en English name
     * @param km length in km
     */
    public record RoadSection(String id, String zh, String en, double km) {}

    /**
     * A scenic area.
     *
     * @param id area id
     * @param zh Chinese name
     * @param en English name
     * @param dailyCapacity visitors admitted per day
     */
    public record ScenicArea(String id, String zh, String en, int dailyCapacity) {}

    /**
     * A tourist bus line.
     *
     * @param id line id
     * @param kind tourist-new, premium or tourist-through
     * @param zh Chinese name
     * @param en English name
     * @param stops site or scenic-area ids in order
     */
    public record Line(String id, String kind, String zh, String en, List<String> stops) {}

    /**
     * A city of the one-way rental network.
     *
     * @param id city id
     * @param zh Chinese name
     * @param en English name
     */
    public record City(String id, String zh, String en) {}
}
