package cn.taihang.simulator.tickets;

import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.simulator.run.BridgeAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridge's ticket API as a sales channel (the city's ticket platform, a travel agency) uses it on a tourist's
 * behalf: over HTTPS trusting the city CA, with a {@code tickets:sell} token.
 */
public final class TicketShop {

    private final String base;
    private final HttpClient http;
    private final String token;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @throws IOException if the bridge's CA or token issuer cannot be read */
    public TicketShop(RunningBridge bridge) throws IOException {
        this.base = bridge.httpUrl();
        this.http = BridgeAccess.httpClient(bridge);
        this.token = BridgeAccess.token(bridge, "simulator-ticket-shop", Scopes.TICKETS_SELL);
    }

    /** A bought ticket. @param id its id @param qr the text of its QR code */
    public record Bought(String id, String qr) {}

    /** @return the catalogue's products */
    public List<JsonNode> products() throws IOException {
        List<JsonNode> products = new ArrayList<>();
        get("/api/v1/tickets/catalogue").path("products").forEach(products::add);
        return products;
    }

    /**
     * Buys one ticket.
     *
     * @param holder the holder's document number
     * @param items order items as the API takes them
     * @throws IOException if the bridge refuses (the message says why) or cannot be reached
     */
    public Bought buy(String holder, List<ObjectNode> items) throws IOException {
        ObjectNode order = mapper.createObjectNode().put("holder", holder);
        ArrayNode array = order.putArray("items");
        items.forEach(array::add);
        JsonNode ticket = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets/orders")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(order.toString())).build(), 201);
        return new Bought(ticket.path("id").asText(), ticket.path("qr").asText());
    }

    /** @return an order item */
    public ObjectNode item(String product, String date) {
        return mapper.createObjectNode().put("product", product).put("date", date);
    }

    /** @return a GET answer's JSON */
    public JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build(), 200);
    }

    private JsonNode send(HttpRequest request, int expected) throws IOException {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != expected) {
                throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return mapper.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
