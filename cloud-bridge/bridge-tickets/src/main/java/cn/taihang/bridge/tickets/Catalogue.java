package cn.taihang.bridge.tickets;

import cn.taihang.wire.ticket.EntitlementKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the ticket service sells ({@code catalogue.json} beside this class, drawn from the Jincheng scenario):
 * bus lines (ride entitlements for a service day), scenic areas (entries on a date, with a daily capacity)
 * and lodgings (nights, rooms as capacity). Each product has a catalogue code, the {@code place} written into
 * tickets and configured on gates.
 *
 * @param zone the time zone of service days
 * @param saleDaysAhead how far ahead a day may be booked
 * @param maxNights longest stay in one order item
 * @param checkOut lodging check-out time on the last day
 * @param products by id, in catalogue order
 */
public record Catalogue(ZoneId zone, int saleDaysAhead, int maxNights, LocalTime checkOut, Map<String, Product> products) {

    /** Resource of the standard catalogue. */
    public static final String RESOURCE = "catalogue.json";

    /** What a product is. */
    public enum Kind {
        BUS(EntitlementKind.BUS_RIDE), SCENIC(EntitlementKind.SCENIC_ENTRY), LODGING(EntitlementKind.LODGING_STAY);

        private final EntitlementKind entitlement;

        Kind(EntitlementKind entitlement) {
            this.entitlement = entitlement;
        }

        /** @return the entitlement kind it grants */
        public EntitlementKind entitlement() {
            return entitlement;
        }
    }

    /**
     * One product.
     *
     * @param id e.g. {@code scenic-wangmangling}
     * @param kind bus, scenic or lodging
     * @param place catalogue code written into tickets
     * @param ref the scenario's id of the line, area or nearby site
     * @param zh Chinese name
     * @param en English name
     * @param dailyCapacity seats, visitors or rooms per day
     * @param uses rides, entries or check-ins per ticket
     * @param price yuan per day (per night for lodging)
     */
    public record Product(String id, Kind kind, int place, String ref, String zh, String en, int dailyCapacity, int uses, double price) {
        /** Validates. */
        public Product {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            if (place < 0 || place > 65535 || dailyCapacity < 1 || uses < 1 || uses > 255 || price < 0) {
                throw new IllegalArgumentException("product " + id + " has a value out of range");
            }
        }
    }

    /** Validates and copies. */
    public Catalogue {
        products = Map.copyOf(products);
        Set<Integer> places = new HashSet<>();
        for (Product p : products.values()) {
            if (!places.add(p.place())) {
                throw new IllegalArgumentException("two products share the place code " + p.place());
            }
        }
    }

    /** @return the product with this id */
    public Optional<Product> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    /** @return products in catalogue order */
    public List<Product> list() {
        return products.values().stream().sorted(java.util.Comparator.comparingInt(Product::place)).toList();
    }

    /** @return the standard catalogue */
    public static Catalogue standard() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the bridge jar");
            }
            return parse(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the catalogue a JSON document describes */
    public static Catalogue parse(JsonObject doc) {
        Map<String, Product> products = new LinkedHashMap<>();
        JsonArray items = doc.getJsonArray("products");
        for (int i = 0; i < items.size(); i++) {
            JsonObject p = items.getJsonObject(i);
            Product product = new Product(p.getString("id"), Kind.valueOf(p.getString("kind").toUpperCase(java.util.Locale.ROOT)), p.getInteger("place"),
                    p.getString("ref"), p.getString("zh"), p.getString("en"), p.getInteger("dailyCapacity"), p.getInteger("uses"), p.getDouble("price"));
            if (products.put(product.id(), product) != null) {
                throw new IllegalArgumentException("product id " + product.id() + " appears twice");
            }
        }
        return new Catalogue(ZoneId.of(doc.getString("timeZone")), doc.getInteger("saleDaysAhead"), doc.getInteger("maxNights"),
                LocalTime.parse(doc.getString("lodgingCheckOut")), products);
    }
}
