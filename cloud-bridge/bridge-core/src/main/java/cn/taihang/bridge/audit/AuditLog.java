package cn.taihang.bridge.audit;

import cn.taihang.bridge.module.Caller;
import cn.taihang.bridge.module.Storage;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of every state-changing call of the HTTP API (any method but GET, HEAD and OPTIONS): who (the token's
 * subject and client, or the holder), what (method, route, the ids in the path, a created resource's location, the
 * status answered, what the route noted), when and from where — one row of table {@code audit_log} and one log line
 * ({@code cn.taihang.bridge.audit}) per call, written after the answer is sent, refusals included.
 */
public final class AuditLog {

    /** Where a route's pattern is kept in the routing context (set by the access check). */
    public static final String ROUTE = "taihang.route";
    /** Where a route's path parameters are kept in the routing context (set by the access check). */
    public static final String TARGET = "taihang.target";

    private static final Logger LOG = LoggerFactory.getLogger("cn.taihang.bridge.audit");
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String COLUMNS = "id, time_ms, subject, client, method, route, target, status, remote, note";

    private final Pool writer;
    private final Pool reader;
    private final Clock clock;

    /** @param storage the bridge's database (table {@code audit_log}, made by the core's migrations) */
    public AuditLog(Storage storage, Clock clock) {
        this.writer = storage.writer();
        this.reader = storage.reader();
        this.clock = clock;
    }

    /** The root router's first handler: audits the call once its answer is sent, if it changes state. */
    public void capture(RoutingContext ctx) {
        if (!READS.contains(ctx.request().method())) {
            ctx.addEndHandler(ended -> record(ctx));
        }
        ctx.next();
    }

    private void record(RoutingContext ctx) {
        Caller caller = Caller.of(ctx);
        String route = ctx.get(ROUTE);
        Map<String, String> target = new TreeMap<>();
        Map<String, String> params = ctx.get(TARGET);
        if (params != null) {
            target.putAll(params);
        }
        String location = ctx.response().headers().get("Location");
        if (location != null) {
            target.put("location", location);
        }
        String remote = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
        String note = ctx.get(Caller.AUDIT_NOTE);
        String method = ctx.request().method().name();
        String what = route != null ? route : method + " " + ctx.request().path();
        int status = ctx.response().getStatusCode();
        long now = clock.millis();
        LOG.info("audit: {}{} {} {} → {} from {}{}", caller.subject(), caller.client() == null ? "" : " (" + caller.client() + ")", what,
                target, status, remote, note == null ? "" : " — " + note);
        writer.withTransaction(tx -> tx.preparedQuery("INSERT INTO audit_log (time_ms, subject, client, method, route, target, status, remote, note) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(new Object[] {now, caller.subject(), caller.client(), method, what, new JsonObject(new LinkedHashMap<>(target)).encode(),
                        status, remote, note})))
                .onFailure(e -> LOG.error("audit entry not stored ({} {} → {}): {}", caller.subject(), what, status, e.toString()));
    }

    /**
     * One page of the audit log, newest first.
     *
     * @param limit 1-1000 entries
     * @param before only entries older than this id ({@code null}: from the newest)
     * @return the entries; fails only if the database cannot be read
     */
    public Future<List<AuditEntry>> page(int limit, Long before) {
        String sql = "SELECT " + COLUMNS + " FROM audit_log" + (before == null ? " ORDER BY id DESC LIMIT $1" : " WHERE id < $1 ORDER BY id DESC LIMIT $2");
        Tuple args = before == null ? Tuple.of(limit) : Tuple.of(before, limit);
        return reader.preparedQuery(sql).execute(args).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>();
            for (Row r : rows) {
                Map<String, String> target = new TreeMap<>();
                new JsonObject(r.getString(6)).forEach(e -> target.put(e.getKey(), String.valueOf(e.getValue())));
                entries.add(new AuditEntry(r.getLong(0), Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), target, r.getInteger(7), r.getString(8), r.getString(9)));
            }
            return entries;
        });
    }
}
