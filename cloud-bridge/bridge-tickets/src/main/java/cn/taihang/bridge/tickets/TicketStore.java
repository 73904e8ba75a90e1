package cn.taihang.bridge.tickets;

import cn.taihang.bridge.module.HolderToken;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.Ticket;
import cn.taihang.wire.ticket.TicketSigner;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import cn.taihang.bridge.module.Storage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Tickets in the bridge database: orders become tickets in ONE writer transaction that first takes one
 * unit of capacity per product and day ({@code UPDATE … SET sold = sold + 1 WHERE sold < capacity}, one conditional
 * statement, so it holds on PostgreSQL with concurrent transactions and bridge instances too); if any is sold out the
 * whole order rolls back, so concurrent orders never oversell. Capacity rows are always taken and given back in the
 * same order (product, day), so two transactions never wait for each other. Refunds give back the capacity of
 * entitlements not used yet, under the ticket's lock (the redemption ledger takes it too); refunds and revocations
 * put the ticket on the deny list.
 */
final class TicketStore {

    static final String DENY_VERSION = "denylist.version";
    /** Deny-list entries are kept this long after a ticket's validity ends (covers gateway clock skew). */
    static final Duration DENY_MARGIN = Duration.ofDays(1);

    private final Storage storage;
    private final Pool writer;
    private final Pool reader;
    private final Catalogue catalogue;
    private final SecureRandom random;

    TicketStore(Storage storage, Catalogue catalogue, SecureRandom random) {
        this.storage = storage;
        this.writer = storage.writer();
        this.reader = storage.reader();
        this.catalogue = catalogue;
        this.random = random;
    }

    /**
     * A stored ticket.
     *
     * @param statusChanged when it was refunded or revoked, or {@code null}
     * @param items its entitlements, in ticket order
     */
    record StoredTicket(long id, String holderRef, int keyId, Instant issued, Instant validUntil, String status, Instant statusChanged,
                        List<TicketItem> items, String qr, double price) {}

    /**
     * One entitlement of a stored ticket.
     *
     * @param product catalogue product id (or {@code rental-<action>:<reservation>} for a key-locker pass)
     * @param kind the entitlement kind's name
     * @param date the service day (first night for lodging)
     * @param nights nights for lodging, else 1
     */
    record TicketItem(String product, String kind, int place, LocalDate date, int nights, Instant validFrom, Instant validUntil, int uses,
                      double price) {

        JsonObject toJson() {
            return new JsonObject().put("product", product).put("kind", kind).put("place", place).put("date", date.toString()).put("nights", nights)
                    .put("validFrom", validFrom.toString()).put("validUntil", validUntil.toString()).put("uses", uses).put("price", price);
        }

        static TicketItem of(JsonObject j) {
            return new TicketItem(j.getString("product"), j.getString("kind"), j.getInteger("place"), LocalDate.parse(j.getString("date")),
                    j.getInteger("nights", 1), Instant.parse(j.getString("validFrom")), Instant.parse(j.getString("validUntil")), j.getInteger("uses"),
                    j.getDouble("price"));
        }
    }

    /** @return the items as the {@code items} column holds them */
    static String encode(List<TicketItem> items) {
        JsonArray array = new JsonArray();
        items.forEach(i -> array.add(i.toJson()));
        return array.encode();
    }

    /**
     * Takes the capacity and issues the ticket.
     *
     * @return fails with CONFLICT naming the product and day that are sold out
     */
    Future<StoredTicket> order(OrderRequest order, byte[] holderRef, HolderToken holder, TicketSigner signer, Instant now) {
        long id = 0;
        while (id == 0) {
            id = random.nextLong() & Long.MAX_VALUE;
        }
        Instant issued = now.truncatedTo(ChronoUnit.MINUTES);
        List<Entitlement> entitlements = order.items().stream().map(i -> i.entitlement(catalogue)).toList();
        final long ticketId = id;
        Ticket ticket = new Ticket(signer.keyId(), ticketId, holderRef, issued, entitlements);
        String qr = signer.sign(ticket);
        List<TicketItem> items = new ArrayList<>();
        double price = 0;
        for (int i = 0; i < order.items().size(); i++) {
            OrderItem item = order.items().get(i);
            Entitlement e = entitlements.get(i);
            items.add(new TicketItem(item.product().id(), e.kindName(), e.place(), item.date(), item.nights(), e.validFrom(), e.validUntil(), e.uses(),
                    item.price()));
            price += item.price();
        }
        StoredTicket stored = new StoredTicket(ticketId, ticket.holderRefHex(), signer.keyId(), issued, ticket.lastValidUntil(), "valid", null, items, qr, price);
        List<Slot> slots = new ArrayList<>();
        order.items().forEach(item -> item.capacityDays().forEach(day -> slots.add(new Slot(item.product().id(), day, item.product().dailyCapacity()))));
        return writer.withTransaction(conn -> {
            Future<Void> chain = Future.succeededFuture();
            for (Slot slot : Slot.inLockOrder(slots)) {
                chain = chain.compose(v -> take(conn, slot));
            }
            return chain.compose(v -> conn.preparedQuery("INSERT INTO tickets (id, holder_ref, key_id, issued, valid_until, status, items, qr, price) "
                    + "VALUES ($1, $2, $3, $4, $5, 'valid', $6, $7, $8)").execute(Tuple.of(ticketId, stored.holderRef(), stored.keyId(), issued.toEpochMilli(),
                    stored.validUntil().toEpochMilli(), encode(items), qr, stored.price())))
                    .compose(v -> conn.preparedQuery("INSERT INTO ticket_holders (ticket, token_hash) VALUES ($1, $2)").execute(Tuple.of(ticketId, holder.hash())));
        }).map(v -> stored);
    }

    /** @return the refusal for a ticket that does not exist (or that the caller does not hold: the same answer) */
    static ServiceException noSuchTicket() {
        return ServiceException.notFound("no such ticket; check the id (the decimal number on the ticket)");
    }

    /** @return the stored hash of the ticket's holder token, or {@code null} if it has none (a rental pass, an older ticket) */
    Future<String> holderHash(long id) {
        return reader.preparedQuery("SELECT token_hash FROM ticket_holders WHERE ticket = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** A product's capacity on a day (its daily capacity, or 0 when giving a unit back). */
    private record Slot(String product, LocalDate day, int capacity) {
        static List<Slot> inLockOrder(List<Slot> slots) {
            return slots.stream().sorted(java.util.Comparator.comparing(Slot::product).thenComparing(Slot::day)).toList();
        }
    }

    private static Future<Void> take(SqlConnection conn, Slot slot) {
        return conn.preparedQuery("INSERT INTO ticket_capacity (product, day, sold, capacity) VALUES ($1, $2, 0, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(slot.product(), slot.day().toString(), slot.capacity()))
                .compose(v -> conn.preparedQuery("UPDATE ticket_capacity SET sold = sold + 1 WHERE product = $1 AND day = $2 AND sold < capacity")
                        .execute(Tuple.of(slot.product(), slot.day().toString())))
                .compose(rows -> rows.rowCount() == 1 ? Future.<Void>succeededFuture()
                        : Future.failedFuture(ServiceException.conflict(slot.product() + " is sold out on " + slot.day() + " (capacity " + slot.capacity()
                                + "); choose another day")));
    }

    /** @return the ticket, or NOT_FOUND */
    Future<StoredTicket> find(long id) {
        return reader.preparedQuery("SELECT " + COLUMNS + " FROM tickets WHERE id = $1").execute(Tuple.of(id)).compose(TicketStore::one);
    }

    /** @return how many units of a product are sold on a day */
    Future<Integer> sold(String product, LocalDate day) {
        return reader.preparedQuery("SELECT sold FROM ticket_capacity WHERE product = $1 AND day = $2").execute(Tuple.of(product, day.toString()))
                .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0));
    }

    /**
     * Ends a valid ticket as refunded (capacity of unused entitlements given back) or revoked, and bumps the
     * deny list's version.
     *
     * @return the ticket as now stored; 404 for an unknown ticket, 409 if it is not valid any more
     */
    Future<StoredTicket> end(long id, String status, Instant now) {
        return writer.withTransaction(conn -> storage.lock(conn, lockName(id))
                .compose(locked -> conn.preparedQuery("SELECT " + COLUMNS + " FROM tickets WHERE id = $1").execute(Tuple.of(id)))
                .compose(TicketStore::one).compose(t -> {
                    if (!t.status().equals("valid")) {
                        return Future.failedFuture(ServiceException.conflict("ticket " + id + " is already " + t.status()));
                    }
                    Future<Void> released = status.equals("refunded") ? release(conn, t) : Future.succeededFuture();
                    return released.compose(v -> conn.preparedQuery("UPDATE tickets SET status = $1, status_changed = $2 WHERE id = $3")
                            .execute(Tuple.of(status, now.toEpochMilli(), id)))
                            .compose(v -> conn.preparedQuery("INSERT INTO ticket_meta (name, value) VALUES ($1, '1') "
                                    + "ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(ticket_meta.value AS INTEGER) + 1 AS TEXT)").execute(Tuple.of(DENY_VERSION)))
                            .compose(v -> conn.preparedQuery("SELECT " + COLUMNS + " FROM tickets WHERE id = $1").execute(Tuple.of(id)))
                            .compose(TicketStore::one);
                }));
    }

    private static Future<Void> release(SqlConnection conn, StoredTicket t) {
        return conn.preparedQuery("SELECT DISTINCT entitlement FROM ticket_redemptions WHERE ticket = $1").execute(Tuple.of(t.id())).compose(rows -> {
            Set<Integer> used = new HashSet<>();
            rows.forEach(r -> used.add(r.getInteger(0)));
            List<Slot> unused = new ArrayList<>();
            for (int i = 0; i < t.items().size(); i++) {
                TicketItem item = t.items().get(i);
                if (!used.contains(i)) {
                    OrderItem.capacityDays(item.date(), item.nights()).forEach(day -> unused.add(new Slot(item.product(), day, 0)));
                }
            }
            Future<Void> chain = Future.succeededFuture();
            for (Slot slot : Slot.inLockOrder(unused)) {
                chain = chain.compose(v -> conn.preparedQuery("UPDATE ticket_capacity SET sold = sold - 1 WHERE product = $1 AND day = $2 AND sold > 0")
                        .execute(Tuple.of(slot.product(), slot.day().toString())).mapEmpty());
            }
            return chain;
        });
    }

    /** @return the lock a ticket's redemptions and its refund take, so a refund never gives back what is being used */
    static String lockName(long ticket) {
        return "ticket:" + ticket;
    }

    /** @return the deny list: refunded and revoked tickets not yet expired (by more than a day), newest version */
    Future<DenyList> denyList(Instant now) {
        return writer.withTransaction(conn -> conn.preparedQuery("SELECT value FROM ticket_meta WHERE name = $1").execute(Tuple.of(DENY_VERSION))
                .compose(version -> conn.preparedQuery("SELECT id, valid_until FROM tickets WHERE status IN ('refunded', 'revoked') AND valid_until > $1 "
                        + "ORDER BY valid_until DESC LIMIT $2").execute(Tuple.of(now.minus(DENY_MARGIN).toEpochMilli(), DenyList.MAX_ENTRIES)).map(rows -> {
                            List<DenyList.Entry> entries = new ArrayList<>();
                            for (Row r : rows) {
                                entries.add(new DenyList.Entry(r.getLong(0), Instant.ofEpochMilli(r.getLong(1)).plus(DENY_MARGIN)));
                            }
                            long v = version.size() == 0 ? 0 : Long.parseLong(version.iterator().next().getString(0));
                            return new DenyList(v, entries);
                        })));
    }

    /** @return a new random secret for holder references, or the stored one */
    Future<byte[]> holderSecret() {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        return writer.withTransaction(conn -> conn.preparedQuery("INSERT INTO ticket_meta (name, value) VALUES ('holder.secret', $1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(HexFormat.of().formatHex(fresh)))
                .compose(v -> conn.query("SELECT value FROM ticket_meta WHERE name = 'holder.secret'").execute())
                .map(rows -> HexFormat.of().parseHex(rows.iterator().next().getString(0))));
    }

    private static final String COLUMNS = "id, holder_ref, key_id, issued, valid_until, status, status_changed, items, qr, price";

    private static Future<StoredTicket> one(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Future.failedFuture(noSuchTicket());
        }
        Row r = rows.iterator().next();
        Long changed = r.getLong(6);
        return Future.succeededFuture(new StoredTicket(r.getLong(0), r.getString(1), r.getInteger(2), Instant.ofEpochMilli(r.getLong(3)),
                Instant.ofEpochMilli(r.getLong(4)), r.getString(5), changed == null ? null : Instant.ofEpochMilli(changed),
                new JsonArray(r.getString(7)).stream().map(o -> TicketItem.of((JsonObject) o)).toList(), r.getString(8), r.getDouble(9)));
    }
}
