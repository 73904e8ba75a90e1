package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Real answers of the ticket routes (success and refusal) validate against the OpenAPI document. */
@Tag("loopback")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketApiContractTest {

    private RunningBridge bridge;
    private TicketApi api;
    private Vertx vertx;
    private JsonObject raw;
    private ResponseValidator validator;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        bridge = Bridge.start(BridgeOptions.ephemeral(dir)).toCompletableFuture().get();
        api = new TicketApi(bridge);
        vertx = Vertx.vertx();
        raw = OpenApiContractTest.loadDocument();
        OpenAPIContract contract = OpenAPIContract.from(vertx, OpenApiContractTest.adaptMediaTypes(raw.copy())).await();
        validator = ResponseValidator.create(vertx, contract);
    }

    @AfterAll
    void stop() {
        bridge.close();
        vertx.close().await();
    }

    private void validates(String operationId, String path, String method, TicketApi.Answer answer, int status) {
        assertThat(answer.status()).as("%s %s: %s", method, path, new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(status);
        String mediaType = answer.contentType().split(";")[0].trim();
        JsonObject documented = raw.getJsonObject("paths").getJsonObject(path).getJsonObject(method).getJsonObject("responses")
                .getJsonObject(String.valueOf(status)).getJsonObject("content");
        assertThat(documented.fieldNames()).as("%s %s content type", method, path).contains(mediaType);
        String validatedAs = OpenApiContractTest.MEDIA_TYPE_ALIASES.getOrDefault(mediaType, mediaType);
        validator.validate(ValidatableResponse.create(status, Map.of("Content-Type", validatedAs), Buffer.buffer(answer.body()), validatedAs),
                operationId).await();
    }

    @Test
    void everyTicketRouteAnswersAsDocumented() {
        LocalDate today = TicketApi.today();
        validates("getTicketCatalogue", "/api/v1/tickets/catalogue", "get", api.get("/api/v1/tickets/catalogue"), 200);
        TicketApi.Answer order = api.post("/api/v1/tickets/orders", TicketApi.order("A1", TicketApi.item("bus-t01", today),
                TicketApi.item("scenic-wangmangling", today), TicketApi.item("lodging-wangmangling-inn", today).put("nights", 2)));
        validates("orderTicket", "/api/v1/tickets/orders", "post", order, 201);
        String id = order.json().getString("id");
        validates("orderTicket", "/api/v1/tickets/orders", "post", api.post("/api/v1/tickets/orders", TicketApi.order("A1")), 400);
        validates("getTicket", "/api/v1/tickets/{ticketId}", "get", api.get("/api/v1/tickets/" + id), 200);
        validates("getTicket", "/api/v1/tickets/{ticketId}", "get", api.get("/api/v1/tickets/42"), 404);
        validates("getTicketQrCode", "/api/v1/tickets/{ticketId}/qr.png", "get", api.get("/api/v1/tickets/" + id + "/qr.png"), 200);
        validates("getTicketKeyRing", "/api/v1/tickets/keys", "get", api.get("/api/v1/tickets/keys"), 200);
        validates("rotateTicketKey", "/api/v1/tickets/keys/rotate", "post", api.post("/api/v1/tickets/keys/rotate", null), 200);
        validates("withdrawTicketKey", "/api/v1/tickets/keys/{keyId}/withdraw", "post", api.post("/api/v1/tickets/keys/999/withdraw", null), 404);
        validates("refundTicket", "/api/v1/tickets/{ticketId}/refund", "post", api.post("/api/v1/tickets/" + id + "/refund", null), 200);
        validates("revokeTicket", "/api/v1/tickets/{ticketId}/revoke", "post", api.post("/api/v1/tickets/" + id + "/revoke", null), 409);
        validates("getTicketDenyList", "/api/v1/tickets/deny-list", "get", api.get("/api/v1/tickets/deny-list"), 200);
        validates("listTicketConflicts", "/api/v1/tickets/conflicts", "get", api.get("/api/v1/tickets/conflicts"), 200);
        validates("withdrawTicketKey", "/api/v1/tickets/keys/{keyId}/withdraw", "post", api.post("/api/v1/tickets/keys/1/withdraw", null), 200);
    }
}
