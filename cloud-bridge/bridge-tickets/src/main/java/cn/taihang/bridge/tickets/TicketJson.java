package cn.taihang.bridge.tickets;

import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.KeyRing;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The ticket service's answers as JSON (schemas in the OpenAPI document). Ids of tickets are decimal strings. */
final class TicketJson {

    private TicketJson() {
    }

    static JsonObject ticket(TicketService.TicketDetail detail) {
        TicketStore.StoredTicket t = detail.ticket();
        JsonArray entitlements = new JsonArray();
        for (int i = 0; i < t.items().size(); i++) {
            int index = i;
            entitlements.add(t.items().get(i).toJson().put("index", i)
                    .put("redeemed", (int) detail.redemptions().stream().filter(r -> r.entitlement() == index).count()));
        }
        JsonArray redemptions = new JsonArray();
        detail.redemptions().forEach(r -> redemptions.add(redemption(r).put("entitlement", r.entitlement())));
        return new JsonObject().put("id", Long.toString(t.id())).put("status", t.status())
                .put("statusChangedAt", t.statusChanged() == null ? null : t.statusChanged().toString())
                .put("holderRef", t.holderRef()).put("keyId", t.keyId()).put("issuedAt", t.issued().toString())
                .put("validUntil", t.validUntil().toString()).put("price", t.price()).put("qr", t.qr())
                .put("qrPng", "/api/v1/tickets/" + t.id() + "/qr.png").put("entitlements", entitlements)
                .put("redemptions", redemptions);
    }

    static JsonObject conflicts(List<RedemptionLedger.Conflict> conflicts) {
        JsonArray items = new JsonArray();
        for (RedemptionLedger.Conflict c : conflicts) {
            JsonArray redemptions = new JsonArray();
            for (int i = 0; i < c.redemptions().size(); i++) {
                redemptions.add(redemption(c.redemptions().get(i)).put("honoured", c.honoured(i)));
            }
            items.add(new JsonObject().put("ticket", Long.toString(c.ticket())).put("entitlement", c.entitlement()).put("uses", c.uses())
                    .put("redeemed", c.redeemed()).put("detectedAt", c.detected().toString()).put("redemptions", redemptions));
        }
        return new JsonObject().put("items", items);
    }

    private static JsonObject redemption(RedemptionLedger.Redemption r) {
        return new JsonObject().put("gateway", r.gateway()).put("site", r.site()).put("device", r.device()).put("seq", r.seq())
                .put("time", r.time().toString()).put("receivedAt", r.received().toString());
    }

    static JsonObject keyRing(KeyRing ring) {
        JsonArray keys = new JsonArray();
        for (KeyRing.Key k : ring.keys()) {
            keys.add(new JsonObject().put("id", k.id()).put("algorithm", k.algorithm().label()).put("state", k.state().name().toLowerCase(Locale.ROOT))
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
