package cn.taihang.bridge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

/** The ticket API as a shop or the platform calls it, with the JDK's HTTP client. */
final class TicketApi {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** An answer. */
    record Answer(int status, String contentType, byte[] body) {
        JsonObject json() {
            return new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    TicketApi(RunningBridge bridge) {
        this.base = bridge.httpUrl();
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static JsonObject order(String holder, JsonObject... items) {
        return new JsonObject().put("holder", holder).put("items", new JsonArray(new java.util.ArrayList<>(java.util.List.of((Object[]) items))));
    }

    static JsonObject item(String product, LocalDate date) {
        return new JsonObject().put("product", product).put("date", date.toString());
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    Answer post(String path, JsonObject body) {
        return send(request(path, body));
    }

    CompletableFuture<Answer> postAsync(String path, JsonObject body) {
        return client.sendAsync(request(path, body), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()));
    }

    /** Orders and expects 201. */
    JsonObject buy(JsonObject order) {
        Answer a = post("/api/v1/tickets/orders", order);
        if (a.status() != 201) {
            throw new AssertionError("order answered " + a.status() + ": " + new String(a.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return a.json();
    }

    private HttpRequest request(String path, JsonObject body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode())).build();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
