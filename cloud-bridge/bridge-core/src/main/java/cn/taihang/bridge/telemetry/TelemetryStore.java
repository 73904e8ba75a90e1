package cn.taihang.bridge.telemetry;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads telemetry in (time, gateway, seq) order with keyset pagination: a page is the first {@code limit} rows
 * strictly after the cursor, so rows stored meanwhile never shift pages and every row is returned once.
 */
public final class TelemetryStore {

    private static final String COLUMNS =
            "SELECT gateway, seq, site, device, kind, time_ms, received_ms, priority, historical, values_json, units_json FROM records";

    private final Pool reader;

    /** @param reader read-only connections */
    public TelemetryStore(Pool reader) {
        this.reader = reader;
    }

    /** @return {@code {"items": [...], "next": cursor or null}} */
    public Future<JsonObject> find(TelemetryQuery q) {
        List<String> where = new ArrayList<>();
        Tuple args = Tuple.tuple();
        if (q.gateway() != null) {
            where.add("gateway = ?");
            args.addString(q.gateway());
        }
        if (q.device() != null) {
            where.add("device = ?");
            args.addString(q.device());
        }
        if (q.kind() != null) {
            where.add("kind = ?");
            args.addString(q.kind());
        }
        if (q.fromMillis() != null) {
            where.add("time_ms >= ?");
            args.addLong(q.fromMillis());
        }
        if (q.toMillis() != null) {
            where.add("time_ms < ?");
            args.addLong(q.toMillis());
        }
        if (q.after() != null) {
            where.add("(time_ms, gateway, seq) > (?, ?, ?)");
            args.addLong(q.after().timeMillis()).addString(q.after().gateway()).addLong(q.after().seq());
        }
        String sql = COLUMNS + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY time_ms, gateway, seq LIMIT ?";
        args.addInteger(q.limit() + 1);
        return reader.preparedQuery(sql).execute(args).map(rows -> {
            List<JsonObject> items = new ArrayList<>(q.limit());
            TelemetryCursor last = null;
            boolean more = false;
            for (Row row : rows) {
                if (items.size() == q.limit()) {
                    more = true;
                    break;
                }
                items.add(toJson(row));
                last = new TelemetryCursor(row.getLong("time_ms"), row.getString("gateway"), row.getLong("seq"));
            }
            return new JsonObject().put("items", new io.vertx.core.json.JsonArray(new ArrayList<>(items)))
                    .put("next", more ? last.encode() : null);
        });
    }

    private static JsonObject toJson(Row row) {
        return new JsonObject()
                .put("gateway", row.getString("gateway"))
                .put("site", row.getString("site"))
                .put("device", row.getString("device"))
                .put("kind", row.getString("kind"))
                .put("seq", row.getLong("seq"))
                .put("time", Instant.ofEpochMilli(row.getLong("time_ms")).toString())
                .put("receivedAt", Instant.ofEpochMilli(row.getLong("received_ms")).toString())
                .put("priority", row.getInteger("priority"))
                .put("historical", row.getInteger("historical") != 0)
                .put("values", new JsonObject(row.getString("values_json")))
                .put("units", new JsonObject(row.getString("units_json")));
    }
}
