package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.dispatch.domain.Depot;
import cn.taihang.bridge.dispatch.domain.GeoPoint;
import cn.taihang.bridge.dispatch.domain.Place;
import cn.taihang.bridge.dispatch.domain.RideMatcher;
import cn.taihang.bridge.dispatch.domain.ServicePattern;
import cn.taihang.bridge.dispatch.domain.TourLine;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What dispatch plans for, read from {@value #RESOURCE}: the hubs and scenic areas (the Jincheng scenario's), the 38
 * tourist lines with capacity, share of their first stop's flow and round-trip time, the service pattern of each line
 * kind, the depot pool and the one-key-call fleet.
 *
 * @param zone local time zone
 * @param capacityThreshold share of a departure's capacity above which extras are dispatched
 * @param personsPerVehicle passengers per counted vehicle, for places without ticket scans
 * @param places hubs and scenic areas
 * @param lines tourist lines
 * @param depots depot pool
 * @param rideVehicles one-key-call vehicles at their home positions
 */
public record DispatchNetwork(ZoneId zone, double capacityThreshold, double personsPerVehicle, List<Place> places, List<TourLine> lines, List<Depot> depots,
                              List<RideMatcher.Vehicle> rideVehicles) {

    /** Classpath resource. */
    public static final String RESOURCE = "cn/taihang/bridge/dispatch/network.json";

    /** Copies. */
    public DispatchNetwork {
        places = List.copyOf(places);
        lines = List.copyOf(lines);
        depots = List.copyOf(depots);
        rideVehicles = List.copyOf(rideVehicles);
    }

    /** @return the network bundled with the bridge */
    public static DispatchNetwork load() {
        try (InputStream in = DispatchNetwork.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the bridge jar");
            }
            return parse(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException saying what is wrong */
    public static DispatchNetwork parse(JsonObject json) {
        try {
            Map<String, ServicePattern> service = new HashMap<>();
            json.getJsonObject("service").forEach(e -> {
                JsonObject s = (JsonObject) e.getValue();
                service.put(e.getKey(), new ServicePattern(LocalTime.parse(s.getString("first")), LocalTime.parse(s.getString("last")),
                        s.getInteger("workdayHeadwayMinutes"), s.getInteger("restdayHeadwayMinutes")));
            });
            List<Place> places = json.getJsonArray("places").stream().map(o -> (JsonObject) o)
                    .map(p -> new Place(p.getString("id"), p.getString("zh"), p.getString("en"), p.getString("kind"), point(p))).toList();
            List<TourLine> lines = json.getJsonArray("lines").stream().map(o -> (JsonObject) o).map(l -> {
                ServicePattern pattern = service.get(l.getString("kind"));
                if (pattern == null) {
                    throw new IllegalArgumentException("line " + l.getString("id") + " has kind " + l.getString("kind") + " without a service pattern");
                }
                List<String> stops = l.getJsonArray("stops").stream().map(String.class::cast).toList();
                return new TourLine(l.getString("id"), l.getString("kind"), l.getString("zh"), l.getString("en"), stops, l.getInteger("capacity"),
                        l.getDouble("share"), l.getInteger("roundTripMinutes"), pattern);
            }).toList();
            List<Depot> depots = json.getJsonArray("depots").stream().map(o -> (JsonObject) o)
                    .map(d -> new Depot(d.getString("id"), d.getString("zh"), d.getString("en"), point(d), d.getInteger("vehicles"))).toList();
            List<RideMatcher.Vehicle> vehicles = json.getJsonArray("rideVehicles").stream().map(o -> (JsonObject) o)
                    .map(v -> new RideMatcher.Vehicle(v.getString("id"), v.getString("plate"), point(v), true)).toList();
            double threshold = json.getDouble("capacityThreshold");
            double persons = json.getDouble("personsPerVehicle");
            if (persons <= 0) {
                throw new IllegalArgumentException("personsPerVehicle must be positive");
            }
            return new DispatchNetwork(ZoneId.of(json.getString("zone")), threshold, persons, places, lines, depots, vehicles);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("dispatch network is malformed: " + e.getMessage(), e);
        }
    }

    private static GeoPoint point(JsonObject o) {
        return new GeoPoint(o.getDouble("lat"), o.getDouble("lon"));
    }

    /** @return places by id */
    public Map<String, Place> placesById() {
        return places.stream().collect(Collectors.toMap(Place::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** @return lines by id */
    public Map<String, TourLine> linesById() {
        return lines.stream().collect(Collectors.toMap(TourLine::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
