package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.module.Storage;
import cn.taihang.bridge.releases.rollout.GatewayState;
import cn.taihang.bridge.releases.rollout.RolloutDecision;
import cn.taihang.bridge.releases.rollout.RolloutEntry;
import cn.taihang.bridge.releases.rollout.RolloutSpec;
import cn.taihang.bridge.releases.rollout.RolloutStatus;
import cn.taihang.bridge.releases.rollout.StepReport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rollouts and their gateways in {@code fleet_rollouts} and {@code fleet_rollout_gateways}, and the site kinds the
 * maintenance windows name. What reads a rollout to change it does so on the writer connection, in the transaction that
 * writes, under the one lock {@value #LOCK} that every transaction changing rollouts takes first (on PostgreSQL several
 * bridge instances tick and ingest side by side), so a step a gateway reports is never overwritten by a decision taken
 * before it, and two rollouts never get the same id.
 */
final class RolloutStore {

    private static final String ENTRY_COLUMNS = "gateway, site, wave, state, attempt, started, deadline, trying_since, finished, step, reason, message, bytes";

    /** The lock every transaction that changes rollouts holds. */
    static final String LOCK = "fleet:rollouts";

    private final Storage storage;
    private final Pool writer;
    private final Pool reader;

    RolloutStore(Storage storage) {
        this.storage = storage;
        this.writer = storage.writer();
        this.reader = storage.reader();
    }

    /**
     * A rollout.
     *
     * @param spec its normalised request
     * @param completed when it completed or was cancelled, or {@code null}
     */
    record Rollout(long id, String release, RolloutStatus status, String reason, JsonObject spec, int wave, Instant created, Instant changed,
                   Instant completed) {

        RolloutSpec rules() {
            return RolloutJson.spec(spec);
        }
    }

    /**
     * Creates a rollout with its waves; the gateways it takes over from rollouts still open become {@code superseded}
     * there.
     *
     * @param waves gateway ids per wave
     * @param siteOf gateway → site
     */
    Future<Rollout> create(JsonObject spec, List<List<String>> waves, Map<String, String> siteOf, Instant now) {
        return writer.withTransaction(c -> storage.lock(c, LOCK).compose(locked -> c.preparedQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM fleet_rollouts")
                .execute()).compose(rows -> {
            long id = rows.iterator().next().getLong(0);
            List<Tuple> entries = new ArrayList<>();
            List<Tuple> superseded = new ArrayList<>();
            for (int w = 0; w < waves.size(); w++) {
                for (String gateway : waves.get(w)) {
                    entries.add(Tuple.from(Arrays.asList(id, gateway, siteOf.get(gateway), w, GatewayState.PENDING.wire(), 0, 0L)));
                    superseded.add(Tuple.of(GatewayState.SUPERSEDED.wire(), now.toEpochMilli(), "superseded by rollout " + id, gateway, id));
                }
            }
            Future<?> chain = c.preparedQuery("INSERT INTO fleet_rollouts (id, release, status, spec, wave, created, changed) VALUES ($1, $2, $3, $4, 0, $5, $6)")
                    .execute(Tuple.of(id, spec.getString("release"), RolloutStatus.RUNNING.wire(), spec.encode(), now.toEpochMilli(), now.toEpochMilli()));
            if (!superseded.isEmpty()) {
                chain = chain.compose(v -> c.preparedQuery("UPDATE fleet_rollout_gateways SET state = $1, finished = $2, message = $3 WHERE gateway = $4 "
                        + "AND rollout <> $5 AND state IN ('pending', 'sent', 'downloading', 'staged', 'switching', 'trying')").executeBatch(superseded));
                chain = chain.compose(v -> c.preparedQuery("INSERT INTO fleet_rollout_gateways (rollout, gateway, site, wave, state, attempt, bytes) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7)").executeBatch(entries));
            }
            return chain.compose(v -> one(c, id));
        }));
    }

    /** @return the rollout; fails NOT_FOUND */
    Future<Rollout> find(long id) {
        return one(reader, id);
    }

    /** @return every rollout, newest first */
    Future<List<Rollout>> list() {
        return reader.preparedQuery("SELECT id, release, status, reason, spec, wave, created, changed, completed FROM fleet_rollouts ORDER BY id DESC")
                .execute().map(rows -> {
                    List<Rollout> all = new ArrayList<>();
                    rows.forEach(r -> all.add(rollout(r)));
                    return all;
                });
    }

    /** @return the ids of the rollouts that still have something to decide (open, or with gateways under way) */
    Future<List<Long>> active() {
        return reader.preparedQuery("SELECT DISTINCT r.id FROM fleet_rollouts r JOIN fleet_rollout_gateways g ON g.rollout = r.id "
                + "WHERE r.status IN ('running', 'paused', 'halted') OR g.state IN ('sent', 'downloading', 'staged', 'switching', 'trying') ORDER BY r.id")
                .execute().map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong(0)));
                    return ids;
                });
    }

    /** @return the rollout's gateways, by wave then id */
    Future<List<RolloutEntry>> entries(long id) {
        return entries(reader, id);
    }

    /**
     * Reads a rollout and its gateways on the writer, lets {@code decide} judge them, and writes what it decided, in one
     * transaction.
     *
     * @return the decision, or {@code null} if the rollout does not exist
     */
    Future<RolloutDecision> decide(long id, Instant now, Function<Snapshot, RolloutDecision> decide) {
        return writer.withTransaction(c -> storage.lock(c, LOCK).compose(locked -> one(c, id)).compose(r -> entries(c, id).compose(entries -> {
            RolloutDecision d = decide.apply(new Snapshot(r, entries));
            return d == null ? Future.succeededFuture(null) : save(c, r, d, now).map(d);
        })));
    }

    /**
     * A rollout as read for a decision.
     *
     * @param rollout the rollout
     * @param entries its gateways
     */
    record Snapshot(Rollout rollout, List<RolloutEntry> entries) {}

    /** Applies reported steps, inside the ingest transaction that stores their records. */
    Future<Void> apply(SqlConnection tx, List<StepReport> steps) {
        Future<Void> chain = storage.lock(tx, LOCK);
        for (StepReport step : steps) {
            chain = chain.compose(v -> one(tx, step.rollout()).recover(e -> Future.succeededFuture(null)).compose(r -> r == null
                    ? Future.succeededFuture()
                    : entries(tx, step.rollout()).compose(entries -> {
                        RolloutEntry entry = entries.stream().filter(e -> e.gateway().equals(step.gateway())).findFirst().orElse(null);
                        if (entry == null) {
                            return Future.succeededFuture();
                        }
                        RolloutEntry next = step.applyTo(entry, r.spec().getInteger("maxAttempts"));
                        return next.equals(entry) ? Future.succeededFuture() : update(tx, r.id(), next);
                    })));
        }
        return chain;
    }

    /** Sets a rollout's status (pause, resume, cancel), ending the given entries with it. */
    Future<Rollout> setStatus(long id, RolloutStatus status, String reason, List<RolloutEntry> ended, Instant now) {
        return writer.withTransaction(c -> {
            Future<Void> chain = storage.lock(c, LOCK).compose(locked -> c.preparedQuery(
                    "UPDATE fleet_rollouts SET status = $1, reason = $2, changed = $3, completed = $4 WHERE id = $5")
                    .execute(Tuple.from(Arrays.asList(status.wire(), reason, now.toEpochMilli(), status.open() ? null : now.toEpochMilli(), id)))).mapEmpty();
            for (RolloutEntry e : ended) {
                chain = chain.compose(v -> update(c, id, e));
            }
            return chain.compose(v -> one(c, id));
        });
    }

    /** @return site → kind */
    Future<Map<String, String>> siteKinds() {
        return reader.preparedQuery("SELECT site, kind FROM fleet_site_kinds").execute().map(rows -> {
            Map<String, String> kinds = new HashMap<>();
            rows.forEach(r -> kinds.put(r.getString(0), r.getString(1)));
            return kinds;
        });
    }

    /** Sets the kind of a site. */
    Future<Void> putSiteKind(String site, String kind) {
        return writer.withTransaction(c -> c.preparedQuery("INSERT INTO fleet_site_kinds (site, kind) VALUES ($1, $2) ON CONFLICT (site) DO UPDATE "
                + "SET kind = excluded.kind").execute(Tuple.of(site, kind))).mapEmpty();
    }

    private Future<Void> save(SqlConnection c, Rollout r, RolloutDecision d, Instant now) {
        boolean statusChanged = d.status() != r.status() || d.wave() != r.wave();
        Future<Void> chain = !statusChanged && d.changed().isEmpty() ? Future.succeededFuture()
                : c.preparedQuery("UPDATE fleet_rollouts SET status = $1, reason = $2, wave = $3, changed = $4, completed = $5 WHERE id = $6")
                        .execute(Tuple.from(Arrays.asList(d.status().wire(), d.reason() == null ? r.reason() : d.reason(), d.wave(), now.toEpochMilli(),
                                d.status().open() ? null : now.toEpochMilli(), r.id()))).mapEmpty();
        for (RolloutEntry e : d.changed()) {
            chain = chain.compose(v -> update(c, r.id(), e));
        }
        return chain;
    }

    /** Writes an entry (the API's {@code PUT} of a gateway's state after it was sent, timed out, or reported). */
    Future<Void> update(SqlClient c, long rollout, RolloutEntry e) {
        return c.preparedQuery("UPDATE fleet_rollout_gateways SET state = $1, attempt = $2, started = $3, deadline = $4, trying_since = $5, "
                + "finished = $6, step = $7, reason = $8, message = $9, bytes = $10 WHERE rollout = $11 AND gateway = $12")
                .execute(Tuple.from(Arrays.asList(e.state().wire(), e.attempt(), millis(e.started()), millis(e.deadline()), millis(e.tryingSince()),
                        millis(e.finished()), e.step(), e.reason(), e.message(), e.bytes(), rollout, e.gateway()))).mapEmpty();
    }

    private static Future<Rollout> one(SqlClient c, long id) {
        return c.preparedQuery("SELECT id, release, status, reason, spec, wave, created, changed, completed FROM fleet_rollouts WHERE id = $1")
                .execute(Tuple.of(id)).compose(rows -> rows.size() == 0
                        ? Future.failedFuture(ServiceException.notFound("no rollout " + id + "; GET /api/v1/rollouts lists them"))
                        : Future.succeededFuture(rollout(rows.iterator().next())));
    }

    private static Future<List<RolloutEntry>> entries(SqlClient c, long id) {
        return c.preparedQuery("SELECT " + ENTRY_COLUMNS + " FROM fleet_rollout_gateways WHERE rollout = $1 ORDER BY wave, gateway").execute(Tuple.of(id))
                .map(rows -> {
                    List<RolloutEntry> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(new RolloutEntry(r.getString(0), r.getString(1), r.getInteger(2), GatewayState.ofWire(r.getString(3)),
                            r.getInteger(4), instant(r, 5), instant(r, 6), instant(r, 7), instant(r, 8), r.getString(9), r.getString(10), r.getString(11),
                            r.getLong(12))));
                    return entries;
                });
    }

    private static Rollout rollout(Row r) {
        return new Rollout(r.getLong(0), r.getString(1), RolloutStatus.ofWire(r.getString(2)), r.getString(3), new JsonObject(r.getString(4)),
                r.getInteger(5), Instant.ofEpochMilli(r.getLong(6)), Instant.ofEpochMilli(r.getLong(7)), instant(r, 8));
    }

    private static Instant instant(Row r, int column) {
        Long v = r.getLong(column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
