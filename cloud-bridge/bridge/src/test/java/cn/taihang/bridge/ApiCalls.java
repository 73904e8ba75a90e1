package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * JSON calls against a running bridge whose every answer is checked against the OpenAPI document: the operation
 * must exist, document the status and content type, and the body must validate against its schema.
 */
final class ApiCalls implements AutoCloseable {

    /** An answer. */
    record Answer(int status, String contentType, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Vertx vertx = Vertx.vertx();
    private final OpenAPIContract contract;
    private final ResponseValidator validator;
    private final JsonObject raw;

    ApiCalls(RunningBridge bridge) throws Exception {
        this.base = bridge.httpUrl();
        this.raw = OpenApiContractTest.loadDocument();
        this.contract = OpenAPIContract.from(vertx, OpenApiContractTest.adaptMediaTypes(raw.copy())).await();
        this.validator = ResponseValidator.create(vertx, contract);
    }

    Answer get(String pathAndQuery) {
        return call("GET", pathAndQuery, null);
    }

    Answer post(String path, JsonObject body) {
        return call("POST", path, body);
    }

    /** Sends without waiting; the answer is validated when it arrives. */
    CompletableFuture<Answer> postAsync(String path, JsonObject body) {
        return client.sendAsync(request("POST", path, body), HttpResponse.BodyHandlers.ofString()).thenApply(r -> validated("POST", path, r));
    }

    private Answer call(String method, String path, JsonObject body) {
        try {
            return validated(method, path, client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()).build()
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode())).build();
    }

    private Answer validated(String method, String pathAndQuery, HttpResponse<String> r) {
        Answer a = new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        String path = pathAndQuery.split("\\?")[0];
        Operation op = contract.findOperation(path, HttpMethod.valueOf(method));
        assertThat(op).as("%s %s is documented", method, path).isNotNull();
        assertThat(op.getResponse(a.status())).as("%s %s answered %d (%s), which is not documented", method, path, a.status(), a.body()).isNotNull();
        String mediaType = a.contentType().split(";")[0].trim();
        JsonObject documented = raw.getJsonObject("paths").getJsonObject(op.getOpenAPIPath()).getJsonObject(method.toLowerCase())
                .getJsonObject("responses").getJsonObject(String.valueOf(a.status())).getJsonObject("content");
        assertThat(documented.fieldNames()).as("%s %s content type", method, path).contains(mediaType);
        String as = OpenApiContractTest.MEDIA_TYPE_ALIASES.getOrDefault(mediaType, mediaType);
        validator.validate(ValidatableResponse.create(a.status(), Map.of("Content-Type", as), Buffer.buffer(a.body()), as), op.getOperationId()).await();
        return a;
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
