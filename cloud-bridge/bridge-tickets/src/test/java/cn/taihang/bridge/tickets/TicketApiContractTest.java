package cn.taihang.bridge.tickets;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import cn.taihang.bridge.BridgeCore;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.testing.ApiClient;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
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

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    private RunningBridge bridge;
    private ApiClient api;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        bridge = BridgeCore.start(SECURITY.options(dir), List.of(new TicketModule())).toCompletableFuture().get();
        api = SECURITY.client(bridge, Scopes.TICKETS_SELL, Scopes.TICKETS_ADMIN, Scopes.TELEMETRY_READ);
    }

    @AfterAll
    void stop() {
        api.close();
        bridge.close();
    }

    /** The client checks every answer against the served document; this checks the status each call must get. */
    private static void validates(String operationId, String path, String method, ApiClient.Answer answer, int status) {
        assertThat(answer.status()).as("%s %s %s: %s", operationId, method, path, answer.body()).isEqualTo(status);
    }

    @Test
    void everyTicketRouteAnswersAsDocumented() {
        LocalDate today = TicketOrders.today();
        validates("getTicketCatalogue", "/api/v1/tickets/catalogue", "get", api.get("/api/v1/tickets/catalogue"), 200);
        ApiClient.Answer order = api.post("/api/v1/tickets/orders", TicketOrders.order("A1", TicketOrders.item("bus-t01", today),
                TicketOrders.item("scenic-wangmangling", today), TicketOrders.item("lodging-wangmangling-inn", today).put("nights", 2)));
        validates("orderTicket", "/api/v1/tickets/orders", "post", order, 201);
        String id = order.json().getString("id");
        ApiClient holder = api.withHolder(order.json().getString("holderToken"));
        validates("orderTicket", "/api/v1/tickets/orders", "post", api.post("/api/v1/tickets/orders", TicketOrders.order("A1")), 400);
        validates("getTicket", "/api/v1/tickets/{ticketId}", "get", holder.get("/api/v1/tickets/" + id), 200);
        validates("getTicket", "/api/v1/tickets/{ticketId}", "get", holder.get("/api/v1/tickets/42"), 404);
        validates("getTicketQrCode", "/api/v1/tickets/{ticketId}/qr.png", "get", holder.get("/api/v1/tickets/" + id + "/qr.png"), 200);
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
