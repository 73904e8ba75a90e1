package cn.taihang.bridge.tickets;

import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.KeyRing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Locale;

/** The ticket service's answers as JSON (schemas in the OpenAPI document). Ids of tickets are decimal strings. */
final class TicketJson {

    private TicketJson() {
    }

    static JsonObject ticket(TicketStore.StoredTicket t, JsonArray redemptions) {
        JsonArray entitlements = new JsonArray();
        for (int i = 0; i < t.items().size(); i++) {
            int index = i;
            JsonObject item = t.items().getJsonObject(i).copy().put("index", i);
            item.put("redeemed", redemptions == null ? 0 : (int) redemptions.stream().filter(r -> ((JsonObject) r).getInteger("entitlement") == index).count());
            entitlements.add(item);
        }
        return new JsonObject().put("id", Long.toString(t.id())).put("status", t.status())
                .put("statusChangedAt", t.statusChanged() == null ? null : t.statusChanged().toString())
                .put("holderRef", t.holderRef()).put("keyId", t.keyId()).put("issuedAt", t.issued().toString())
                .put("validUntil", t.validUntil().toString()).put("price", t.price()).put("qr", t.qr())
                .put("qrPng", "/api/v1/tickets/" + t.id() + "/qr.png").put("entitlements", entitlements)
                .put("redemptions", redemptions == null ? new JsonArray() : redemptions);
    }

    static JsonObject keyRing(KeyRing ring) {
        JsonArray keys = new JsonArray();
        for (KeyRing.Key k : ring.keys()) {
            keys.add(new JsonObject().put("id", k.id()).put("state", k.state().name().toLowerCase(Locale.ROOT))
                    .put("publicKey", Base64.getEncoder().encodeToString(k.publicKey())));
        }
        return new JsonObject().put("version", ring.version()).put("keys", keys);
    }

    static JsonObject denyList(DenyList list) {
        JsonArray entries = new JsonArray();
        list.entries().forEach(e -> entries.add(new JsonObject().put("ticket", Long.toString(e.ticketId())).put("until", e.until().toString())));
        return new JsonObject().put("version", list.version()).put("entries", entries);
    }

    static JsonObject catalogue(Catalogue catalogue) {
        JsonArray products = new JsonArray();
        for (Catalogue.Product p : catalogue.list()) {
            products.add(new JsonObject().put("id", p.id()).put("kind", p.kind().name().toLowerCase(Locale.ROOT)).put("place", p.place())
                    .put("ref", p.ref()).put("zh", p.zh()).put("en", p.en()).put("dailyCapacity", p.dailyCapacity()).put("uses", p.uses())
                    .put("price", p.price()));
        }
        return new JsonObject().put("timeZone", catalogue.zone().getId()).put("saleDaysAhead", catalogue.saleDaysAhead())
                .put("maxNights", catalogue.maxNights()).put("products", products);
    }
}
