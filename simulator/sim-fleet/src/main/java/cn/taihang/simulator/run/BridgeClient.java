package cn.taihang.simulator.run;

import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.counter.domain.LengthClass;
import cn.taihang.simulator.truth.IntervalKey;
import cn.taihang.simulator.truth.LaneCounts;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKinds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the bridge's HTTPS API the way the city's platform does: trusting the city CA, with a {@code telemetry:read} token. */
public final class BridgeClient {

    private final String baseUrl;
    private final HttpClient http;
    private final String token;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @throws IOException if the bridge's CA or token issuer cannot be read */
    public BridgeClient(RunningBridge bridge) throws IOException {
        this.baseUrl = bridge.httpUrl();
        this.http = BridgeAccess.httpClient(bridge);
        this.token = BridgeAccess.token(bridge, "simulator-platform", Scopes.TELEMETRY_READ);
    }

    /** @return the items of {@code GET /api/v1/gateways} */
    public List<JsonNode> gateways() throws IOException {
        List<JsonNode> items = new ArrayList<>();
        get("/api/v1/gateways").path("items").forEach(items::add);
        return items;
    }

    /** @return how many gateways the bridge says are online */
    public long gatewaysOnline() throws IOException {
        return gateways().stream().filter(g -> g.path("online").asBoolean()).count();
    }

    /**
     * Every {@link CounterInterval} record with a time in the window, summed per lane and interval
     * (a lane that restarted mid-interval reports it in two partial records).
     */
    public Map<IntervalKey, LaneCounts> counterIntervals(Instant from, Instant to) throws IOException {
        Map<IntervalKey, LaneCounts> counts = new TreeMap<>();
        for (JsonNode row : telemetry(RecordKinds.COUNTER_INTERVAL, from, to)) {
            IntervalKey key = new IntervalKey(row.path("gateway").asText(), row.path("device").asText(),
                    Instant.parse(row.path("time").asText()).toEpochMilli());
            counts.merge(key, counts(row.path("values")), LaneCounts::plus);
        }
        return counts;
    }

    /** @return every telemetry row of a kind in the window, following the pagination */
    public List<JsonNode> telemetry(String kind, Instant from, Instant to) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        String after = null;
        do {
            String query = "/api/v1/telemetry?kind=" + encode(kind) + "&from=" + encode(from.toString()) + "&to=" + encode(to.toString())
                    + "&limit=1000" + (after == null ? "" : "&after=" + encode(after));
            JsonNode page = get(query);
            page.path("items").forEach(rows::add);
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null);
        return rows;
    }

    private static LaneCounts counts(JsonNode values) {
        Map<LengthClass, Long> byClass = new EnumMap<>(LengthClass.class);
        for (LengthClass c : LengthClass.values()) {
            JsonNode v = values.path(CounterInterval.COUNT_BY_CLASS.nameOf(c.id()));
            if (v.isNumber()) {
                byClass.put(c, v.asLong());
            }
        }
        return new LaneCounts(values.path(CounterInterval.COUNT.name()).asLong(), byClass);
    }

    private JsonNode get(String pathAndQuery) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return mapper.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
