package cn.taihang.bridge;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain JDK HTTP calls against a running bridge. */
final class Http {

    /** A response. */
    record Response(int status, String contentType, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Http(RunningBridge bridge) {
        this.base = bridge.httpUrl();
    }

    Response get(String pathAndQuery) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonObject json(String pathAndQuery) {
        Response r = get(pathAndQuery);
        if (r.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + r.status() + ": " + r.body());
        }
        return r.json();
    }
}
