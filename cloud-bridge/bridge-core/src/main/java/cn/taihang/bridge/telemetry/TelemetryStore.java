package cn.taihang.bridge.telemetry;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * A record as stored.
     *
     * @param time when the measured thing happened
     * @param received when the bridge received it
     * @param priority priority class code, 0 critical … 3 bulk
     * @param values measurement name → Long, Double, String or Boolean
     * @param units measurement name → unit
     */
    public record TelemetryRecord(String gateway, String site, String device, String kind, long seq, Instant time, Instant received, int priority,
                                  boolean historical, Map<String, Object> values, Map<String, Object> units) {}

    /**
     * One page.
     *
     * @param next where the next page starts, or {@code null} on the last page
     */
    public record Page(List<TelemetryRecord> items, TelemetryCursor next) {}

    /** @return the page the query asks for */
    public Future<Page> find(TelemetryQuery q) {
        List<String> where = new ArrayList<>();
        Tuple args = Tuple.tuple();
        if (q.gateway() != null) {
            where.add("gateway = $" + (args.size() + 1));
            args.addString(q.gateway());
        }
        if (q.device() != null) {
            where.add("device = $" + (args.size() + 1));
            args.addString(q.device());
        }
        if (q.kind() != null) {
            where.add("kind = $" + (args.size() + 1));
            args.addString(q.kind());
        }
        if (q.fromMillis() != null) {
            where.add("time_ms >= $" + (args.size() + 1));
            args.addLong(q.fromMillis());
        }
        if (q.toMillis() != null) {
            where.add("time_ms < $" + (args.size() + 1));
            args.addLong(q.toMillis());
        }
        if (q.after() != null) {
            int n = args.size();
            where.add("(time_ms, gateway, seq) > ($" + (n + 1) + ", $" + (n + 2) + ", $" + (n + 3) + ")");
            args.addLong(q.after().timeMillis()).addString(q.after().gateway()).addLong(q.after().seq());
        }
        String sql = COLUMNS + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY time_ms, gateway, seq LIMIT $" + (args.size() + 1);
        args.addInteger(q.limit() + 1);
        return reader.preparedQuery(sql).execute(args).map(rows -> {
            List<TelemetryRecord> items = new ArrayList<>(q.limit());
            TelemetryCursor last = null;
            boolean more = false;
            for (Row row : rows) {
                if (items.size() == q.limit()) {
                    more = true;
                    break;
                }
                items.add(record(row));
                last = new TelemetryCursor(row.getLong("time_ms"), row.getString("gateway"), row.getLong("seq"));
            }
            return new Page(List.copyOf(items), more ? last : null);
        });
    }

    private static TelemetryRecord record(Row row) {
        return new TelemetryRecord(row.getString("gateway"), row.getString("site"), row.getString("device"), row.getString("kind"), row.getLong("seq"),
                Instant.ofEpochMilli(row.getLong("time_ms")), Instant.ofEpochMilli(row.getLong("received_ms")), row.getInteger("priority"),
                row.getInteger("historical") != 0, new JsonObject(row.getString("values_json")).getMap(), new JsonObject(row.getString("units_json")).getMap());
    }
}
