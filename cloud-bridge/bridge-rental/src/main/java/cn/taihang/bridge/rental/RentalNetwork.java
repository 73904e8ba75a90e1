package cn.taihang.bridge.rental;

import cn.taihang.bridge.rental.domain.OneWayTariff;
import cn.taihang.bridge.rental.domain.Station;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rental network: stations (three at Jincheng's hubs, one in each of the five other cities), the fleet each starts
 * with, the tariff and the rebalancing costs, read from {@value #RESOURCE}.
 *
 * @param zone local time zone
 * @param stations stations in order
 * @param initialCars cars each station holds when the fleet is first created
 * @param tariff prices
 * @param rebalancing overnight rebalancing costs and limits
 */
public record RentalNetwork(ZoneId zone, List<Station> stations, Map<String, Integer> initialCars, OneWayTariff tariff, Rebalancing rebalancing) {

    /** Classpath resource of the network. */
    public static final String RESOURCE = "cn/taihang/bridge/rental/network.json";

    /**
     * @param driverFen cost of one driver trip (one car moved)
     * @param perKmFen cost per road km
     * @param roadFactor road distance ÷ straight-line distance
     * @param shortagePenaltyFen what a car missing at a station costs (a lost rental)
     * @param maxMovesPerNight drivers available overnight
     * @param arrivalHour local hour moved cars are due at their new station
     */
    public record Rebalancing(long driverFen, long perKmFen, double roadFactor, long shortagePenaltyFen, int maxMovesPerNight, int arrivalHour) {

        /** @return the cost of moving one car between two stations */
        public long moveCostFen(Station from, Station to) {
            return driverFen + Math.round(from.distanceKm(to) * roadFactor * perKmFen);
        }
    }

    /** Copies. */
    public RentalNetwork {
        stations = List.copyOf(stations);
        initialCars = Map.copyOf(initialCars);
    }

    /** @return the network bundled with the bridge */
    public static RentalNetwork load() {
        try (InputStream in = RentalNetwork.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the bridge jar");
            }
            return parse(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException saying which entry is wrong
     */
    public static RentalNetwork parse(JsonObject json) {
        try {
            Set<String> cities = json.getJsonArray("cities").stream().map(c -> ((JsonObject) c).getString("id")).collect(Collectors.toSet());
            Map<String, Long> fees = new LinkedHashMap<>();
            json.getJsonObject("oneWayFeesFen").forEach(e -> fees.put(e.getKey(), ((Number) e.getValue()).longValue()));
            OneWayTariff tariff = new OneWayTariff(json.getLong("dailyRateFen"), cities, fees);
            Map<String, Integer> cars = new LinkedHashMap<>();
            JsonArray list = json.getJsonArray("stations");
            List<Station> stations = list.stream().map(o -> {
                JsonObject s = (JsonObject) o;
                Station station = new Station(s.getString("id"), s.getString("zh"), s.getString("en"), s.getString("city"), s.getDouble("lat"),
                        s.getDouble("lon"), s.getString("lockerSite"), s.getInteger("ticketPlace"));
                if (!cities.contains(station.city())) {
                    throw new IllegalArgumentException("station " + station.id() + " is in unknown city " + station.city());
                }
                cars.put(station.id(), s.getInteger("cars", 0));
                return station;
            }).toList();
            JsonObject r = json.getJsonObject("rebalancing");
            Rebalancing rebalancing = new Rebalancing(r.getLong("driverFen"), r.getLong("perKmFen"), r.getDouble("roadFactor"), r.getLong("shortagePenaltyFen"),
                    r.getInteger("maxMovesPerNight"), r.getInteger("arrivalHour"));
            if (stations.stream().map(Station::ticketPlace).distinct().count() != stations.size()) {
                throw new IllegalArgumentException("two stations share a ticketPlace");
            }
            return new RentalNetwork(ZoneId.of(json.getString("zone")), stations, cars, tariff, rebalancing);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rental network is malformed: " + e.getMessage(), e);
        }
    }

    /** @return the station with this id */
    public Optional<Station> station(String id) {
        return stations.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
