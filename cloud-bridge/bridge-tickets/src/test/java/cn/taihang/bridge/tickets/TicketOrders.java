package cn.taihang.bridge.tickets;

import cn.taihang.bridge.testing.ApiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Ticket orders as a shop or the platform posts them. */
final class TicketOrders {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private TicketOrders() {
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static JsonObject order(String holder, JsonObject... items) {
        return new JsonObject().put("holder", holder).put("items", new JsonArray(new ArrayList<>(List.of((Object[]) items))));
    }

    static JsonObject item(String product, LocalDate date) {
        return new JsonObject().put("product", product).put("date", date.toString());
    }

    /** Orders and expects 201. @return the ticket */
    static JsonObject buy(ApiClient api, JsonObject order) {
        ApiClient.Answer a = api.post("/api/v1/tickets/orders", order);
        if (a.status() != 201) {
            throw new AssertionError("order answered " + a.status() + ": " + a.body());
        }
        return a.json();
    }
}
