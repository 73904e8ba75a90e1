package cn.taihang.bridge.signs;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sign content is composed from: places (sites and scenic areas, bilingual), bus lines with their stops,
 * and car parks whose occupancy the vehicle counters give. Read from {@code <dataDir>/signs/network.json}:
 * <pre>
 * {"zone": "Asia/Shanghai", "composeSeconds": 60,
 *  "places":  [{"id": "wangmangling", "zh": "王莽岭", "en": "Wangmangling"}, …],
 *  "lines":   [{"id": "t-new-1", "kind": "tourist-new", "stops": ["jincheng-hsr-east", "lingchuan-bus", "wangmangling"]}, …],
 *  "parking": [{"area": "wangmangling", "spaces": 500, "in": ["wangmangling-l1"], "out": ["wangmangling-l2"]}, …]}
 * </pre>
 * Line kinds set the planned headway (see {@link PlannedTimetable}); parking devices are vehicle-counter lanes
 * whose {@code counter.interval} counts go in or out of the car park.
 *
 * @param zone local time zone of the timetable
 * @param composeSeconds how often hub boards are composed, 1–3600 s (default 60)
 * @param places id → place
 * @param lines bus lines
 * @param parking car parks
 */
record SignNetwork(ZoneId zone, int composeSeconds, Map<String, Place> places, List<Line> lines, List<Parking> parking) {

    /** A site or scenic area. */
    record Place(String id, String zh, String en) {}

    /** A bus line. */
    record Line(String id, String kind, List<String> stops) {}

    /** A car park counted by vehicle-counter lanes. */
    record Parking(String area, int spaces, List<String> in, List<String> out) {}

    /** @return an empty network: no composition, only the registry and operator messages */
    static SignNetwork empty() {
        return new SignNetwork(ZoneId.of("Asia/Shanghai"), 60, Map.of(), List.of(), List.of());
    }

    /**
     * @throws IllegalArgumentException naming what is wrong in the file
     */
    static SignNetwork parse(String json) {
        try {
            JsonObject root = new JsonObject(json);
            ZoneId zone = ZoneId.of(root.getString("zone", "Asia/Shanghai"));
            int composeSeconds = root.getInteger("composeSeconds", 60);
            if (composeSeconds < 1 || composeSeconds > 3600) {
                throw new IllegalArgumentException("composeSeconds must be 1-3600, was " + composeSeconds);
            }
            Map<String, Place> places = new LinkedHashMap<>();
            for (JsonObject p : objects(root, "places")) {
                places.put(require(p, "id"), new Place(p.getString("id"), require(p, "zh"), require(p, "en")));
            }
            List<Line> lines = new ArrayList<>();
            for (JsonObject l : objects(root, "lines")) {
                List<String> stops = strings(l.getJsonArray("stops", new JsonArray()));
                if (stops.size() < 2 || !places.keySet().containsAll(stops)) {
                    throw new IllegalArgumentException("line " + l.getString("id") + " needs 2 or more stops that are places");
                }
                lines.add(new Line(require(l, "id"), l.getString("kind", "tourist-through"), stops));
            }
            List<Parking> parking = new ArrayList<>();
            for (JsonObject p : objects(root, "parking")) {
                int spaces = p.getInteger("spaces", 0);
                if (spaces <= 0 || !places.containsKey(require(p, "area"))) {
                    throw new IllegalArgumentException("parking " + p.getString("area") + " needs positive spaces and an area that is a place");
                }
                parking.add(new Parking(p.getString("area"), spaces, strings(p.getJsonArray("in", new JsonArray())),
                        strings(p.getJsonArray("out", new JsonArray()))));
            }
            return new SignNetwork(zone, composeSeconds, Map.copyOf(places), List.copyOf(lines), List.copyOf(parking));
        } catch (DecodeException | ClassCastException | DateTimeException e) {
            throw new IllegalArgumentException("signs/network.json is not valid: " + e.getMessage());
        }
    }

    private static List<JsonObject> objects(JsonObject root, String key) {
        List<JsonObject> list = new ArrayList<>();
        for (Object o : root.getJsonArray(key, new JsonArray())) {
            list.add((JsonObject) o);
        }
        return list;
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        for (Object o : array) {
            list.add((String) o);
        }
        return List.copyOf(list);
    }

    private static String require(JsonObject o, String key) {
        String value = o.getString(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an entry lacks '" + key + "': " + o.encode());
        }
        return value;
    }
}
