package cn.taihang.simulator.faults;

import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.simulator.run.BridgeAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bridge's fleet API as an operator uses it, over HTTPS with a {@code fleet:admin} token: rollouts created, read,
 * and the state of each gateway in one.
 */
final class RolloutApi {

    private final String baseUrl;
    private final HttpClient http;
    private final String token;
    private final ObjectMapper mapper = new ObjectMapper();

    RolloutApi(RunningBridge bridge) throws IOException {
        this.baseUrl = bridge.httpUrl();
        this.http = BridgeAccess.httpClient(bridge);
        this.token = BridgeAccess.token(bridge, "simulator-operator", Scopes.FLEET_ADMIN, Scopes.TELEMETRY_READ);
    }

    /** @return the client the releases are uploaded with */
    HttpClient http() {
        return http;
    }

    /** @return the operator's token */
    String token() {
        return token;
    }

    /** @return the new rollout's id */
    long create(String body) throws IOException {
        JsonNode created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/rollouts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
        return created.path("id").asLong();
    }

    /** @return the rollout as {@code GET /api/v1/rollouts/{id}} shows it */
    JsonNode rollout(long id) throws IOException {
        return get("/api/v1/rollouts/" + id);
    }

    /** @return each gateway's entry in the rollout, by gateway id */
    Map<String, JsonNode> entries(long id) throws IOException {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        get("/api/v1/rollouts/" + id + "/gateways").path("items").forEach(e -> entries.put(e.path("gateway").asText(), e));
        return entries;
    }

    /** @return how many gateways the bridge sees online */
    long online() throws IOException {
        long n = 0;
        for (JsonNode g : get("/api/v1/gateways").path("items")) {
            n += g.path("online").asBoolean() ? 1 : 0;
        }
        return n;
    }

    private JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), 200);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new IOException(response.request().method() + " " + response.request().uri().getPath() + " answered " + response.statusCode()
                        + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return mapper.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
