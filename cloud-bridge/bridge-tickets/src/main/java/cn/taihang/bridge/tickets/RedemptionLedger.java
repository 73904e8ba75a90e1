package cn.taihang.bridge.tickets;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.wire.records.Metric;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.TicketRedemption;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import cn.taihang.bridge.module.Storage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's side of redemptions: each {@link TicketRedemption} record a gateway sends is stored once,
 * in the ingest transaction (table {@code ticket_redemptions}); when an entitlement's redemptions from all
 * gateways exceed its uses — the same entitlement used at two gateways while both were offline — a conflict
 * is recorded ({@code ticket_conflicts}) and listed with every redemption involved. Redemptions of one ticket are
 * counted under the ticket's lock, so two batches stored side by side (PostgreSQL, several instances) still see each
 * other's uses.
 */
final class RedemptionLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RedemptionLedger.class);

    private final Storage storage;
    private final Pool reader;
    private final Counter redemptions;
    private final Counter conflicts;
    private final Set<String> problemsLogged = ConcurrentHashMap.newKeySet();

    RedemptionLedger(Storage storage, MeterRegistry meters) {
        this.storage = storage;
        this.reader = storage.reader();
        this.redemptions = Counter.builder("bridge_tickets_redemptions").description("ticket redemptions received from gateways").register(meters);
        this.conflicts = Counter.builder("bridge_tickets_conflicts").description("entitlements redeemed more often than allowed").register(meters);
    }

    /** The record listener: called inside the ingest transaction with first-time {@code ticket.} records. */
    Future<Void> onRecords(SqlConnection tx, List<IngestedRecord> records) {
        Map<String, long[]> touched = new LinkedHashMap<>();
        List<Redeemed> redeemed = new ArrayList<>();
        for (IngestedRecord r : records) {
            if (!r.kind().equals(RecordKinds.TICKET_REDEMPTION)) {
                continue;
            }
            long ticket;
            int entitlement;
            try {
                ticket = Long.parseLong(r.get(TicketRedemption.TICKET));
                entitlement = r.get(TicketRedemption.ENTITLEMENT).intValue();
            } catch (RuntimeException e) {
                if (problemsLogged.add(r.gateway())) {
                    LOG.warn("gateway {} sent a ticket.redemption without a readable ticket/entitlement (seq {}); skipped, and further ones "
                            + "from it are only skipped", r.gateway(), r.seq());
                }
                continue;
            }
            Double uses = r.get(TicketRedemption.USES);
            touched.put(ticket + "/" + entitlement, new long[] {ticket, entitlement, uses == null ? 1 : uses.longValue()});
            redeemed.add(new Redeemed(r, ticket, entitlement));
        }
        Future<Void> chain = Future.succeededFuture();
        for (long ticket : redeemed.stream().mapToLong(Redeemed::ticket).sorted().distinct().toArray()) {
            chain = chain.compose(v -> storage.lock(tx, TicketStore.lockName(ticket)));
        }
        for (Redeemed d : redeemed) {
            IngestedRecord r = d.record();
            chain = chain.compose(v -> tx.preparedQuery("INSERT INTO ticket_redemptions (gateway, seq, site, device, ticket, entitlement, time, received, "
                    + "place, use) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING").execute(Tuple.of(r.gateway(), r.seq(), r.site(),
                    r.device(), d.ticket(), d.entitlement(), r.timeMillis(), r.receivedMillis(), number(r, TicketRedemption.PLACE), number(r, TicketRedemption.USE))).map(rows -> {
                        if (rows.rowCount() == 1) {
                            redemptions.increment();
                        }
                        return null;
                    }));
        }
        for (long[] t : touched.values()) {
            chain = chain.compose(v -> checkConflict(tx, t[0], (int) t[1], (int) t[2]));
        }
        return chain;
    }

    private record Redeemed(IngestedRecord record, long ticket, int entitlement) {}

    private Future<Void> checkConflict(SqlConnection tx, long ticket, int entitlement, int uses) {
        return tx.preparedQuery("SELECT COUNT(*) FROM ticket_redemptions WHERE ticket = $1 AND entitlement = $2").execute(Tuple.of(ticket, entitlement))
                .compose(rows -> {
                    int redeemed = rows.iterator().next().getInteger(0);
                    if (redeemed <= uses) {
                        return Future.succeededFuture();
                    }
                    return tx.preparedQuery("INSERT INTO ticket_conflicts (ticket, entitlement, detected, uses, redeemed) VALUES ($1, $2, $3, $4, $5) "
                            + "ON CONFLICT DO NOTHING")
                            .execute(Tuple.of(ticket, entitlement, Instant.now().toEpochMilli(), uses, redeemed)).compose(inserted -> {
                                if (inserted.rowCount() == 1) {
                                    conflicts.increment();
                                    LOG.warn("ticket {} entitlement {} redeemed {} times, {} allowed: double use while gateways were offline", ticket,
                                            entitlement, redeemed, uses);
                                    return Future.<Void>succeededFuture();
                                }
                                return tx.preparedQuery("UPDATE ticket_conflicts SET redeemed = $1 WHERE ticket = $2 AND entitlement = $3")
                                        .execute(Tuple.of(redeemed, ticket, entitlement)).mapEmpty();
                            });
                });
    }

    /**
     * One redemption as the bridge stored it.
     *
     * @param entitlement the entitlement's index on the ticket
     * @param seq the gateway's sequence number of the record
     * @param time when the gate redeemed it
     * @param received when the bridge received it
     */
    record Redemption(int entitlement, String gateway, String site, String device, long seq, Instant time, Instant received) {}

    /**
     * An entitlement redeemed more often than it allows.
     *
     * @param detected when the bridge noticed
     * @param redemptions every redemption of it, oldest first by gate time, then gateway, then seq — whatever order they
     *     arrived in
     */
    record Conflict(long ticket, int entitlement, int uses, int redeemed, Instant detected, List<Redemption> redemptions) {

        /** @return whether the redemption at this index was a use the ticket allowed (the first {@code uses} by time), not a double use */
        boolean honoured(int index) {
            return index < uses;
        }
    }

    /** @return the conflicts, newest first, each with its redemptions */
    Future<List<Conflict>> conflicts(int limit) {
        return reader.preparedQuery("SELECT c.ticket, c.entitlement, c.uses, c.redeemed, c.detected, r.gateway, r.site, r.device, r.seq, r.time, r.received "
                + "FROM (SELECT * FROM ticket_conflicts ORDER BY detected DESC, ticket, entitlement LIMIT $1) c "
                + "JOIN ticket_redemptions r ON r.ticket = c.ticket AND r.entitlement = c.entitlement "
                + "ORDER BY c.detected DESC, c.ticket, c.entitlement, r.time, r.gateway, r.seq").execute(Tuple.of(limit)).map(rows -> {
                    Map<String, Conflict> byKey = new LinkedHashMap<>();
                    for (Row row : rows) {
                        Conflict c = byKey.computeIfAbsent(row.getLong(0) + "/" + row.getInteger(1), k -> new Conflict(row.getLong(0), row.getInteger(1),
                                row.getInteger(2), row.getInteger(3), Instant.ofEpochMilli(row.getLong(4)), new ArrayList<>()));
                        c.redemptions().add(redemption(row, c.entitlement(), 5));
                    }
                    return byKey.values().stream().map(c -> new Conflict(c.ticket(), c.entitlement(), c.uses(), c.redeemed(), c.detected(),
                            List.copyOf(c.redemptions()))).toList();
                });
    }

    /** @return the redemptions of one ticket, oldest first */
    Future<List<Redemption>> ofTicket(long ticket) {
        return reader.preparedQuery("SELECT entitlement, gateway, site, device, seq, time, received FROM ticket_redemptions WHERE ticket = $1 ORDER BY time, gateway, seq")
                .execute(Tuple.of(ticket)).map(rows -> {
                    List<Redemption> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(redemption(row, row.getInteger(0), 1));
                    }
                    return items;
                });
    }

    private static Redemption redemption(Row row, int entitlement, int from) {
        return new Redemption(entitlement, row.getString(from), row.getString(from + 1), row.getString(from + 2), row.getLong(from + 3),
                Instant.ofEpochMilli(row.getLong(from + 4)), Instant.ofEpochMilli(row.getLong(from + 5)));
    }

    private static Object number(IngestedRecord r, Metric<Double> metric) {
        Double v = r.get(metric);
        return v == null ? null : v.longValue();
    }
}
