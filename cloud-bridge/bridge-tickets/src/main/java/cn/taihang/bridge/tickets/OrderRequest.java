package cn.taihang.bridge.tickets;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.ticket.Ticket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A ticket order as posted, validated against the catalogue:
 * <pre>
 * {"holder": "identity document number (hashed, never stored)",
 *  "items": [{"product": "bus-t01", "date": "2025-05-01"},
 *            {"product": "bus-t09", "from": "2025-05-01T08:00:00+08:00", "minutes": 90},
 *            {"product": "scenic-wangmangling", "date": "2025-05-01"},
 *            {"product": "lodging-wangmangling-inn", "date": "2025-05-01", "nights": 2}]}
 * </pre>
 *
 * @param holder the holder's identity reference as given
 * @param items what to put on the ticket, 1–{@value Ticket#MAX_ENTITLEMENTS}
 */
record OrderRequest(String holder, List<OrderItem> items) {

    private static final Set<String> ITEM_FIELDS = Set.of("product", "date", "nights", "from", "minutes");
    private static final int MAX_TIMED_MINUTES = 24 * 60;

    /**
     * @param today the service day now, in the catalogue's zone
     * @param now the time now
     * @throws ServiceException INVALID, naming the bad parameter
     */
    static OrderRequest parse(JsonObject body, Catalogue catalogue, LocalDate today, Instant now) {
        if (body == null) {
            throw ServiceException.invalid("body", null, "send a JSON object {\"holder\": …, \"items\": [{\"product\": …, \"date\": …}]}");
        }
        Object holder = body.getValue("holder");
        if (!(holder instanceof String h) || h.isBlank() || h.length() > 128) {
            throw ServiceException.invalid("holder", null, "holder must be the holder's identity document number, 1-128 characters");
        }
        for (String field : body.fieldNames()) {
            if (!field.equals("holder") && !field.equals("items")) {
                throw ServiceException.invalid(field, null, "unknown field '" + field + "'; an order has holder and items");
            }
        }
        Object items = body.getValue("items");
        if (!(items instanceof JsonArray array) || array.isEmpty() || array.size() > Ticket.MAX_ENTITLEMENTS) {
            throw ServiceException.invalid("items", null, "items must list 1-" + Ticket.MAX_ENTITLEMENTS + " products for one ticket");
        }
        List<OrderItem> parsed = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject item)) {
                throw ServiceException.invalid("items[" + i + "]", null, "each item is an object with product and date");
            }
            parsed.add(item(item, "items[" + i + "]", catalogue, today, now));
        }
        return new OrderRequest(h, parsed);
    }

    private static OrderItem item(JsonObject item, String at, Catalogue catalogue, LocalDate today, Instant now) {
        for (String field : item.fieldNames()) {
            if (!ITEM_FIELDS.contains(field)) {
                throw ServiceException.invalid(at + "." + field, null, "unknown field; an item has " + ITEM_FIELDS);
            }
        }
        String id = item.getValue("product") instanceof String s ? s : null;
        Catalogue.Product product = catalogue.product(id == null ? "" : id)
                .orElseThrow(() -> ServiceException.invalid(at + ".product", null, "no product '" + id + "'; GET /api/v1/tickets/catalogue lists them"));
        Instant from = null;
        int minutes = 0;
        LocalDate date;
        if (item.containsKey("from")) {
            if (product.kind() != Catalogue.Kind.BUS) {
                throw ServiceException.invalid(at + ".from", null, "only bus rides take a timed window (from, minutes)");
            }
            from = instant(item.getValue("from"), at + ".from");
            minutes = whole(item.getValue("minutes"), at + ".minutes", 1, MAX_TIMED_MINUTES);
            if (!from.plusSeconds(60L * minutes).isAfter(now)) {
                throw ServiceException.invalid(at + ".from", null, "the window " + from + " + " + minutes + " min is already over");
            }
            date = from.atZone(catalogue.zone()).toLocalDate();
        } else {
            date = date(item.getValue("date"), at + ".date");
        }
        if (date.isBefore(today) || date.isAfter(today.plusDays(catalogue.saleDaysAhead()))) {
            throw ServiceException.invalid(at + ".date", null, "date must be from today (" + today + ") to " + catalogue.saleDaysAhead() + " days ahead");
        }
        int nights = 1;
        if (item.containsKey("nights")) {
            if (product.kind() != Catalogue.Kind.LODGING) {
                throw ServiceException.invalid(at + ".nights", null, "only lodging takes nights");
            }
            nights = whole(item.getValue("nights"), at + ".nights", 1, catalogue.maxNights());
        }
        return new OrderItem(product, date, nights, from, minutes);
    }

    private static LocalDate date(Object value, String at) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw ServiceException.invalid(at, null, "expected a date like 2025-05-01");
        }
    }

    private static Instant instant(Object value, String at) {
        try {
            Instant t = java.time.OffsetDateTime.parse(String.valueOf(value)).toInstant();
            if (t.getEpochSecond() % 60 != 0 || t.getNano() != 0) {
                throw ServiceException.invalid(at, null, "a window starts on a whole minute");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw ServiceException.invalid(at, null, "expected an ISO-8601 time with offset like 2025-05-01T08:00:00+08:00");
        }
    }

    private static int whole(Object value, String at, int min, int max) {
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min || ((Number) value).longValue() > max) {
            throw ServiceException.invalid(at, null, "expected a whole number " + min + "-" + max);
        }
        return ((Number) value).intValue();
    }
}
