package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.Storage;
import cn.taihang.bridge.releases.rollout.Targets;
import cn.taihang.release.ConfigPush;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Configuration pushes ({@code fleet_config_pushes}: version, targets, fragment) and what each gateway was sent and runs
 * ({@code fleet_gateway_config}: desired and applied version, state, reason, the hash of its configuration, drift).
 * Versions are given under the lock {@value #LOCK}, so two bridge instances never give one twice.
 */
final class ConfigPushStore {

    /** The lock every transaction that creates a push holds. */
    static final String LOCK = "fleet:config";
    /** State of a gateway sent a push it has not reported on yet. */
    static final String PENDING = "pending";
    /** Reason of a gateway whose push did not reach the broker: sent again at the next look. */
    static final String UNSENT = "unsent";
    private static final int MAX_DRIFT = 2000;
    private static final String GATEWAY_COLUMNS = "gateway, site, desired, applied, state, reason, message, hash, pids, drift, reported";

    private final Storage storage;

    ConfigPushStore(Storage storage) {
        this.storage = storage;
    }

    /**
     * A push.
     *
     * @param targets as the request named them
     * @param fragment the pushed configuration
     */
    record Push(long version, JsonObject targets, JsonObject fragment, String note, Instant created) {

        Targets selection() {
            return RolloutJson.targets(targets);
        }
    }

    /**
     * What the bridge knows of one gateway's configuration.
     *
     * @param desired the latest push sent to it, or {@code null}
     * @param applied the latest push it applied, or {@code null}
     * @param state {@value #PENDING} or a state of {@link ConfigPush#STATES} but drift, or {@code null} if never sent one
     * @param hash the hash of the configuration it last reported running, or {@code null}
     * @param drift the changes made on the gateway since its last applied push, or {@code null}
     * @param reported when it last reported, or {@code null}
     */
    record GatewayConfig(String gateway, String site, Long desired, Long applied, String state, String reason, String message, String hash,
                         String pids, String drift, Instant reported) {}

    /**
     * One {@value ConfigPush#REPORT_KIND} record.
     *
     * @param version the push, 0 for drift
     */
    record Report(String gateway, String site, long version, String state, String reason, String message, String hash, String pids, Instant at) {}

    /** Stores a push under the next version and marks each targeted gateway pending on it. */
    Future<Push> create(JsonObject targets, JsonObject fragment, String note, Map<String, String> targeted, Instant now) {
        return storage.writer().withTransaction(c -> storage.lock(c, LOCK)
                .compose(locked -> c.preparedQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM fleet_config_pushes").execute())
                .compose(rows -> {
                    long version = rows.iterator().next().getLong(0);
                    return c.preparedQuery("INSERT INTO fleet_config_pushes (version, targets, fragment, note, created) VALUES ($1, $2, $3, $4, $5)")
                            .execute(Tuple.of(version, targets.encode(), fragment.encode(), note, now.toEpochMilli()))
                            .compose(v -> markSent(c, version, targeted))
                            .map(v -> new Push(version, targets, fragment, note, now));
                }));
    }

    /** Marks gateways (id → site) as sent push {@code version}. */
    Future<Void> sent(long version, Map<String, String> gateways) {
        return gateways.isEmpty() ? Future.succeededFuture() : storage.writer().withTransaction(c -> markSent(c, version, gateways));
    }

    private static Future<Void> markSent(SqlConnection c, long version, Map<String, String> gateways) {
        List<Tuple> rows = new ArrayList<>();
        gateways.forEach((gateway, site) -> rows.add(Tuple.of(gateway, site, version, PENDING)));
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        return c.preparedQuery("INSERT INTO fleet_gateway_config (gateway, site, desired, state) VALUES ($1, $2, $3, $4) ON CONFLICT (gateway) DO UPDATE "
                + "SET site = excluded.site, desired = excluded.desired, state = excluded.state, reason = NULL, message = NULL").executeBatch(rows).mapEmpty();
    }

    /** Marks a gateway's push as not on the broker, so that the next look sends it again. */
    Future<Void> unsent(String gateway, long version, String why) {
        return storage.writer().withTransaction(c -> c.preparedQuery("UPDATE fleet_gateway_config SET reason = $1, message = $2 WHERE gateway = $3 AND desired = $4")
                .execute(Tuple.of(UNSENT, why, gateway, version)).mapEmpty());
    }

    /** @return every push, oldest first */
    Future<List<Push>> pushes() {
        return storage.reader().preparedQuery("SELECT version, targets, fragment, note, created FROM fleet_config_pushes ORDER BY version").execute()
                .map(rows -> {
                    List<Push> pushes = new ArrayList<>();
                    rows.forEach(r -> pushes.add(new Push(r.getLong(0), new JsonObject(r.getString(1)), new JsonObject(r.getString(2)), r.getString(3),
                            Instant.ofEpochMilli(r.getLong(4)))));
                    return pushes;
                });
    }

    /** @return what the bridge knows of each gateway's configuration, by gateway id */
    Future<List<GatewayConfig>> gateways() {
        return storage.reader().preparedQuery("SELECT " + GATEWAY_COLUMNS + " FROM fleet_gateway_config ORDER BY gateway").execute().map(rows -> {
            List<GatewayConfig> all = new ArrayList<>();
            rows.forEach(r -> all.add(gateway(r)));
            return all;
        });
    }

    private static GatewayConfig gateway(Row r) {
        Long reported = r.getLong(10);
        return new GatewayConfig(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), reported == null ? null : Instant.ofEpochMilli(reported));
    }

    /**
     * Takes the gateways' reports, inside the ingest transaction: an outcome of its latest push, or drift. Drift is a
     * change relative to what the bridge pushed: a gateway never sent a push has none (its installation file and console
     * are its whole configuration), only the hash of what it runs.
     */
    Future<Void> apply(SqlConnection c, List<Report> reports) {
        List<Tuple> known = new ArrayList<>();
        List<Tuple> outcomes = new ArrayList<>();
        List<Tuple> drifts = new ArrayList<>();
        for (Report r : reports) {
            known.add(Tuple.of(r.gateway(), r.site()));
            long at = r.at().toEpochMilli();
            if (r.state().equals(ConfigPush.DRIFT)) {
                String drift = r.reason().equals("first-report") ? null : (r.pids().equals("-") ? "changed" : r.pids()) + " at " + r.at();
                drifts.add(Tuple.from(Arrays.asList(r.gateway(), r.hash(), drift, at)));
            } else {
                outcomes.add(Tuple.of(r.gateway(), r.version(), r.state(), r.reason(), r.message(), r.hash(), r.pids(), at));
            }
        }
        Future<Void> done = c.preparedQuery("INSERT INTO fleet_gateway_config (gateway, site) VALUES ($1, $2) ON CONFLICT (gateway) DO NOTHING")
                .executeBatch(known).mapEmpty();
        if (!outcomes.isEmpty()) {
            done = done.compose(v -> c.preparedQuery("UPDATE fleet_gateway_config SET "
                    + "state = CASE WHEN desired IS NULL OR $2 >= desired THEN $3 ELSE state END, "
                    + "reason = CASE WHEN desired IS NULL OR $2 >= desired THEN $4 ELSE reason END, "
                    + "message = CASE WHEN desired IS NULL OR $2 >= desired THEN $5 ELSE message END, "
                    + "applied = CASE WHEN $3 = 'applied' AND (applied IS NULL OR $2 > applied) THEN $2 ELSE applied END, "
                    + "drift = CASE WHEN $3 = 'applied' THEN NULL ELSE drift END, "
                    + "hash = CASE WHEN reported IS NULL OR $8 >= reported THEN $6 ELSE hash END, "
                    + "pids = $7, reported = CASE WHEN reported IS NULL OR $8 >= reported THEN $8 ELSE reported END WHERE gateway = $1")
                    .executeBatch(outcomes).mapEmpty());
        }
        if (!drifts.isEmpty()) {
            done = done.compose(v -> c.preparedQuery("UPDATE fleet_gateway_config SET "
                    + "hash = CASE WHEN reported IS NULL OR $4 >= reported THEN $2 ELSE hash END, "
                    + "drift = CASE WHEN CAST($3 AS TEXT) IS NULL OR desired IS NULL THEN drift WHEN drift IS NULL THEN $3 ELSE SUBSTR(drift || '; ' || $3, 1, " + MAX_DRIFT + ") END, "
                    + "reported = CASE WHEN reported IS NULL OR $4 >= reported THEN $4 ELSE reported END WHERE gateway = $1")
                    .executeBatch(drifts).mapEmpty());
        }
        return done;
    }
}
