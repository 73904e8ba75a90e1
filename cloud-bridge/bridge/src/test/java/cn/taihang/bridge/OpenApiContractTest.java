package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.http.ApiRouter;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document is the contract: every route is in it, and real answers validate against its schemas. */
@Tag("loopback")
class OpenApiContractTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        RunningBridge bridge;
        ApiClient http;
        ApiClient unchecked;
        Vertx vertx;
        JsonObject raw;
        OpenAPIContract contract;
        ResponseValidator validator;

        @BeforeAll
        void start(@TempDir Path dir) throws Exception {
            bridge = Bridge.start(SECURITY.secure(storage.options(dir))).toCompletableFuture().get();
            http = SECURITY.operator(bridge);
            unchecked = http.unchecked();
            vertx = Vertx.vertx();
            raw = http.document();
            contract = OpenAPIContract.from(vertx, ApiClient.adaptMediaTypes(raw.copy())).await();
            validator = ResponseValidator.create(vertx, contract);
            try (TestGateway gw = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "jincheng-hsr-east", "gw-contract-1")) {
                gw.birth(1);
                gw.send(List.of(Frames.counter(1, Frames.T0, "lane-1", 3), Frames.counter(2, Frames.T0, "lane-2", 4)));
                await().until(() -> gw.acks().size() == 1);
                await().until(() -> http.json("/api/v1/gateways").getJsonArray("items").size() == 1);
            }
        }

        @AfterAll
        void stop() {
            http.close();
            bridge.close();
            vertx.close().await();
        }

        @Test
        void isOpenApi31() {
            assertThat(contract.getVersion()).isEqualTo(OpenAPIVersion.V3_1);
        }

        @Test
        void everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
            Set<String> served = Set.copyOf(bridge.httpRoutes());
            assertThat(served).isNotEmpty().allSatisfy(route -> {
                String[] parts = route.split(" ", 2);
                assertThat(contract.findOperation(parts[1], HttpMethod.valueOf(parts[0]))).as("documented: %s", route).isNotNull();
            });
            Set<String> documented = contract.operations().stream().map(o -> o.getHttpMethod().name() + " " + o.getOpenAPIPath()).collect(Collectors.toSet());
            assertThat(documented).isEqualTo(served);
        }

        @Test
        void everyOperationDeclaresTheSecurityItsRouteEnforces() {
            Map<String, cn.taihang.bridge.module.Access> enforced = bridge.httpRouteAccess();
            assertThat(enforced.keySet()).isEqualTo(Set.copyOf(bridge.httpRoutes()));
            JsonObject schemes = raw.getJsonObject("components").getJsonObject("securitySchemes");
            assertThat(schemes.getJsonObject("bearerAuth").getString("scheme")).isEqualTo("bearer");
            assertThat(schemes.getJsonObject("bearerAuth").getString("bearerFormat")).isEqualTo("JWT");
            assertThat(schemes.getJsonObject("holderToken").getString("name")).isEqualTo(cn.taihang.bridge.module.Access.HOLDER_HEADER);
            enforced.forEach((route, access) -> {
                String[] parts = route.split(" ", 2);
                JsonObject op = raw.getJsonObject("paths").getJsonObject(parts[1]).getJsonObject(parts[0].toLowerCase());
                assertThat(op.getJsonArray("security")).as("the security of %s", route).isNotNull();
                Set<Object> declared = Set.copyOf(op.getJsonArray("security").getList());
                assertThat(declared).as("%s declares what it enforces (%s)", route, access).isEqualTo(Set.copyOf(access.openApiSecurity()));
                if (!access.isOpen()) {
                    assertThat(op.getJsonObject("responses").fieldNames()).as("%s documents its refusals", route).contains("401", "403");
                }
            });
            assertThat(enforced.get("POST /api/v1/tickets/keys/{keyId}/withdraw").scopes()).containsExactly("tickets:admin");
            assertThat(enforced.get("GET /api/v1/tickets/catalogue").isOpen()).isTrue();
            assertThat(enforced.get("GET /metrics").scopes()).containsExactly("metrics:read");
        }

        @Test
        void realAnswersValidateAgainstTheSchemas() {
            Map<String, String> calls = Map.of(
                    "/health", "getHealth",
                    "/api/v1/gateways", "listGateways",
                    "/api/v1/telemetry?limit=1", "listTelemetry",
                    "/api/v1/telemetry?gateway=gw-contract-1&from=2024-01-01T00:00:00Z", "listTelemetry",
                    "/api/v1/telemetry?limit=0", "listTelemetry",
                    "/api/v1/telemetry?from=soon", "listTelemetry",
                    ApiRouter.OPENAPI_PATH, "getOpenApi",
                    "/metrics", "getMetrics");
            calls.forEach((path, operationId) -> {
                ApiClient.Answer r = unchecked.get(path);
                Operation op = contract.operation(operationId);
                assertThat(op.getResponse(r.status())).as("%s answered %d, which %s does not document", path, r.status(), operationId).isNotNull();
                String mediaType = r.contentType().split(";")[0].trim();
                JsonObject documented = raw.getJsonObject("paths").getJsonObject(op.getOpenAPIPath()).getJsonObject("get")
                        .getJsonObject("responses").getJsonObject(String.valueOf(r.status())).getJsonObject("content");
                assertThat(documented.fieldNames()).as("%s content type", path).contains(mediaType);
                String validatedAs = ApiClient.MEDIA_TYPE_ALIASES.getOrDefault(mediaType, mediaType);
                ValidatableResponse response = ValidatableResponse.create(r.status(), Map.of("Content-Type", validatedAs),
                        Buffer.buffer(r.body()), validatedAs);
                validator.validate(response, operationId).await();
            });
        }

        @Test
        void textAnswersCarryWhatTheyPromise() throws Exception {
            ApiClient.Answer doc = http.get(ApiRouter.OPENAPI_PATH);
            assertThat(ApiClient.parseYaml(doc.body())).isEqualTo(raw);
            assertThat(raw.getJsonObject("paths").fieldNames()).as("the core's part and every standard module's")
                    .contains("/health", "/api/v1/telemetry", "/api/v1/tickets/orders", "/api/v1/signs", "/api/v1/rental/reservations", "/api/v1/dispatch/plan");
            ApiClient.Answer metrics = http.get("/metrics");
            assertThat(metrics.body()).contains("bridge_ingest_records_total{outcome=\"new\"} 2.0", "bridge_gateways_online 1.0",
                    "bridge_ingest_latency_seconds_count", "bridge_ingest_batches_total{outcome=\"stored\"} 1.0");
        }

        @Test
        void aTelemetryPageWithNextValidates() {
            ApiClient.Answer r = http.get("/api/v1/telemetry?limit=1");
            assertThat(r.json().getString("next")).isNotNull();
            assertThat(r.json().getJsonArray("items")).hasSize(1);
            validator.validate(ValidatableResponse.create(200, Map.of("Content-Type", r.contentType()), Buffer.buffer(r.body()), "application/json"),
                    "listTelemetry").await();
        }

        @Test
        void aWrongAnswerWouldFailValidation() {
            String broken = "{\"items\":[{\"gateway\":\"gw\",\"seq\":\"not a number\"}],\"next\":null}";
            ValidatableResponse response = ValidatableResponse.create(200, Map.of("Content-Type", "application/json"), Buffer.buffer(broken), "application/json");
            assertThat(validator.validate(response, "listTelemetry").toCompletionStage().toCompletableFuture())
                    .failsWithin(java.time.Duration.ofSeconds(5));
        }
    }
}
