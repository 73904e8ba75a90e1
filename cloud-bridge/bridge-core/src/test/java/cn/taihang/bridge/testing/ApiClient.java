package cn.taihang.bridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.http.ApiRouter;
import cn.taihang.bridge.http.auth.ApiTrust;
import cn.taihang.bridge.module.Access;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.yaml.snakeyaml.Yaml;

/**
 * The bridge tests' one HTTP client (the JDK's). Every answer is checked against the OpenAPI document the bridge under
 * test serves — the core's part merged with its modules' — : the operation must exist, document the status and the
 * content type, and the body must validate against its schema. {@link #unchecked()} skips the check for requests that
 * are off the contract on purpose (an unknown route, a wrong method).
 */
public final class ApiClient implements AutoCloseable {

    /**
     * vertx-openapi 5.0.7 validates only a few media types; the document uses the right ones
     * ({@code application/problem+json}, {@code application/yaml}, {@code image/png}), so answers are validated as their
     * closest supported kin after their real Content-Type is checked against the document as written.
     */
    public static final Map<String, String> MEDIA_TYPE_ALIASES = Map.of("application/problem+json", "application/json", "application/yaml",
            "text/plain", "image/png", "text/plain");

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param headers the response headers
     * @param bytes the body
     */
    public record Answer(int status, HttpHeaders headers, byte[] bytes) {

        /** @return the Content-Type header, or empty */
        public String contentType() {
            return header("Content-Type");
        }

        /** @return the first value of a header, or empty */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        /** @return the body as UTF-8 text */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** @return the body as a JSON object */
        public JsonObject json() {
            return new JsonObject(body());
        }

        /** @return the media type of the Content-Type, without parameters */
        public String mediaType() {
            return contentType().split(";")[0].trim();
        }
    }

    /**
     * HTTP/1.1: with the JDK client's default (an h2c upgrade on the first request) a large first answer — the whole
     * OpenAPI document — arrived garbled from the Vert.x 5.0.7 server ("Frame type(32) … exceeds MAX_FRAME_SIZE").
     */
    private final HttpClient client;
    private final String base;
    private final Vertx vertx;
    private final JsonObject document;
    private final OpenAPIContract contract;
    private final ResponseValidator validator;
    private final Map<String, String> headers;

    /**
     * Reads the bridge's OpenAPI document and checks every answer against it. Speaks HTTPS trusting only the CA of the
     * bridge's identity, and sends no credential until {@link #withToken} or {@link #withHolder}.
     */
    public ApiClient(RunningBridge bridge) {
        this(bridge, Map.of());
    }

    /** As {@link #ApiClient(RunningBridge)}, sending these headers with every request (e.g. a bearer token). */
    public ApiClient(RunningBridge bridge, Map<String, String> headers) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting(bridge.caCertificates())).build();
        this.base = bridge.httpUrl();
        this.vertx = Vertx.vertx();
        this.headers = Map.copyOf(headers);
        this.document = parseYaml(send("GET", ApiRouter.OPENAPI_PATH, null, null).body());
        this.contract = OpenAPIContract.from(vertx, adaptMediaTypes(document.copy())).await();
        this.validator = ResponseValidator.create(vertx, contract);
    }

    private ApiClient(ApiClient other, boolean checked, Map<String, String> headers) {
        this.client = other.client;
        this.base = other.base;
        this.vertx = null;
        this.document = other.document;
        this.contract = checked ? other.contract : null;
        this.validator = checked ? other.validator : null;
        this.headers = Map.copyOf(headers);
    }

    /** @return a client for requests off the contract on purpose: answers are not checked */
    public ApiClient unchecked() {
        return new ApiClient(this, false, headers);
    }

    /**
     * @return a client sending this bearer token ({@code Authorization: Bearer}), answers checked as this one's are; it
     *     shares this client's resources, which this client's {@link #close()} releases
     */
    public ApiClient withToken(String jwt) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put("Authorization", "Bearer " + jwt);
        return new ApiClient(this, validator != null, h);
    }

    /** @return a client also presenting a holder's capability ({@value Access#HOLDER_HEADER} header) */
    public ApiClient withHolder(String holderToken) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put(Access.HOLDER_HEADER, holderToken);
        return new ApiClient(this, validator != null, h);
    }

    /** @return a client sending no credential at all */
    public ApiClient anonymous() {
        return new ApiClient(this, validator != null, Map.of());
    }

    /** @return a client sending exactly these headers (e.g. a malformed Authorization) */
    public ApiClient withHeaders(Map<String, String> sent) {
        return new ApiClient(this, validator != null, sent);
    }

    /** @return an SSL context trusting exactly the CA certificates of a PEM file */
    public static SSLContext trusting(Path caPem) {
        try {
            return ApiTrust.clientContext(caPem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the served OpenAPI document, as JSON */
    public JsonObject document() {
        return document;
    }

    /** @return the served OpenAPI document as a contract, for tests that look up operations; {@code null} when unchecked */
    public OpenAPIContract contract() {
        return contract;
    }

    /** GET. */
    public Answer get(String pathAndQuery) {
        return checked("GET", pathAndQuery, send("GET", pathAndQuery, null, null));
    }

    /** GET, expecting 200. @return the body as JSON */
    public JsonObject json(String pathAndQuery) {
        Answer a = get(pathAndQuery);
        if (a.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + a.status() + ": " + a.body());
        }
        return a.json();
    }

    /** POST a JSON body ({@code null}: none). */
    public Answer post(String path, JsonObject body) {
        return call("POST", path, body == null ? null : body.encode());
    }

    /** PUT a JSON body. */
    public Answer put(String path, JsonObject body) {
        return call("PUT", path, body == null ? null : body.encode());
    }

    /** Any method with a body sent as it is ({@code null}: none), as {@code application/json}. */
    public Answer call(String method, String path, String body) {
        return checked(method, path, send(method, path, body, "application/json"));
    }

    /** POST without waiting; the answer is checked when it arrives. */
    public CompletableFuture<Answer> postAsync(String path, JsonObject body) {
        return client.sendAsync(request("POST", path, body == null ? null : body.encode(), "application/json"), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> checked("POST", path, answer(r)));
    }

    private Answer send(String method, String path, String body, String contentType) {
        try {
            return answer(client.send(request(method, path, body, contentType), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Answer answer(HttpResponse<byte[]> r) {
        return new Answer(r.statusCode(), r.headers(), r.body());
    }

    private Answer checked(String method, String pathAndQuery, Answer a) {
        if (validator == null) {
            return a;
        }
        String path = pathAndQuery.split("\\?")[0];
        Operation op = contract.findOperation(path, HttpMethod.valueOf(method));
        assertThat(op).as("%s %s is documented", method, path).isNotNull();
        assertThat(op.getResponse(a.status())).as("%s %s answered %d (%s), which is not documented", method, path, a.status(), a.body()).isNotNull();
        JsonObject documented = document.getJsonObject("paths").getJsonObject(op.getOpenAPIPath()).getJsonObject(method.toLowerCase())
                .getJsonObject("responses").getJsonObject(String.valueOf(a.status())).getJsonObject("content");
        assertThat(documented.fieldNames()).as("%s %s content type", method, path).contains(a.mediaType());
        String as = MEDIA_TYPE_ALIASES.getOrDefault(a.mediaType(), a.mediaType());
        validator.validate(ValidatableResponse.create(a.status(), Map.of("Content-Type", as), Buffer.buffer(a.bytes()), as), op.getOperationId()).await();
        return a;
    }

    /** @return a YAML document as JSON */
    @SuppressWarnings("unchecked")
    public static JsonObject parseYaml(String yaml) {
        return new JsonObject((Map<String, Object>) new Yaml().load(yaml));
    }

    /** @return the document with the media types vertx-openapi cannot validate renamed to their kin (see {@link #MEDIA_TYPE_ALIASES}) */
    public static JsonObject adaptMediaTypes(JsonObject doc) {
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                JsonObject responses = paths.getJsonObject(path).getJsonObject(method).getJsonObject("responses");
                for (String status : responses.fieldNames()) {
                    JsonObject content = responses.getJsonObject(status).getJsonObject("content");
                    if (content == null) {
                        continue;
                    }
                    MEDIA_TYPE_ALIASES.forEach((real, alias) -> {
                        if (content.containsKey(real)) {
                            content.put(alias, content.remove(real));
                        }
                    });
                    if (content.containsKey("text/plain")) {
                        // vertx-openapi hands text bodies to the JSON schema validator as a Buffer, which it cannot check
                        content.getJsonObject("text/plain").remove("schema");
                    }
                }
            }
        }
        return doc;
    }

    @Override
    public void close() {
        if (vertx != null) {
            vertx.close().await();
        }
    }
}
