package cn.taihang.bridge.ingest;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.wire.RecordFrame;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Stores a decoded batch in ONE transaction on the writer connection. {@code INSERT OR IGNORE} on the primary key
 * (gateway, seq) makes resends harmless; a key lives in {@code records} or {@code rejected}, never both. The
 * gateway's last-seen time is updated in the same transaction.
 */
public final class RecordWriter {

    private static final String INSERT_RECORD = """
            INSERT OR IGNORE INTO records (gateway, seq, site, device, kind, time_ms, received_ms, priority, historical, values_json, units_json)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rejected WHERE gateway = ? AND seq = ?)""";
    private static final String INSERT_REJECTED = """
            INSERT OR IGNORE INTO rejected (gateway, seq, site, device, kind, time_ms, received_ms, priority, historical, reason, detail, body)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM records WHERE gateway = ? AND seq = ?)""";
    private static final String TOUCH_GATEWAY = """
            INSERT INTO gateways (id, site, online, last_seen_ms) VALUES (?, ?, 0, ?)
            ON CONFLICT (id) DO UPDATE SET last_seen_ms = max(last_seen_ms, excluded.last_seen_ms)""";

    /**
     * What a stored batch changed.
     *
     * @param newRecords records stored for the first time
     * @param duplicates records (accepted or rejected) whose key was already stored
     * @param newRejected rejected records stored for the first time
     */
    public record Outcome(int newRecords, int duplicates, int newRejected) {}

    private final Pool writer;
    private final RecordListeners listeners;

    /**
     * @param writer the single writer connection's pool
     * @param listeners told of first-time records inside the transaction
     */
    public RecordWriter(Pool writer, RecordListeners listeners) {
        this.writer = writer;
        this.listeners = listeners;
    }

    /** @param writer the single writer connection's pool */
    public RecordWriter(Pool writer) {
        this(writer, new RecordListeners());
    }

    /** @return what changed, once committed; fails (nothing stored) if the transaction fails */
    public Future<Outcome> store(DecodedBatch batch) {
        return writer.withTransaction(conn -> insertAccepted(conn, batch).compose(fresh ->
                listeners.notify(conn, fresh).compose(v -> insertRejected(conn, batch)).compose(rejected ->
                        conn.preparedQuery(TOUCH_GATEWAY).execute(Tuple.of(batch.gateway(), batch.site(), batch.receivedMillis()))
                                .map(u -> new Outcome(fresh.size(), batch.size() - fresh.size() - rejected, rejected)))));
    }

    /** @return the accepted records stored for the first time, in batch order */
    private static Future<List<IngestedRecord>> insertAccepted(SqlConnection conn, DecodedBatch batch) {
        if (batch.accepted().isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<Tuple> rows = new ArrayList<>(batch.accepted().size());
        for (DecodedBatch.Accepted a : batch.accepted()) {
            RecordFrame f = a.frame();
            rows.add(Tuple.of(batch.gateway(), f.seq(), batch.site(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                    f.priority(), f.historical() ? 1 : 0, new JsonObject(a.values()).encode(), new JsonObject(new LinkedHashMap<String, Object>(a.units())).encode(),
                    batch.gateway(), f.seq()));
        }
        return conn.preparedQuery(INSERT_RECORD).executeBatch(rows).map(result -> {
            List<IngestedRecord> fresh = new ArrayList<>();
            int i = 0;
            for (Row row : result) {
                Integer count = row.getInteger(0);
                if (i < batch.accepted().size() && count != null && count > 0) {
                    DecodedBatch.Accepted a = batch.accepted().get(i);
                    RecordFrame f = a.frame();
                    fresh.add(new IngestedRecord(batch.gateway(), batch.site(), f.seq(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                            f.priority(), f.historical(), a.values(), a.units()));
                }
                i++;
            }
            return fresh;
        });
    }

    private static Future<Integer> insertRejected(SqlConnection conn, DecodedBatch batch) {
        if (batch.rejected().isEmpty()) {
            return Future.succeededFuture(0);
        }
        List<Tuple> rows = new ArrayList<>(batch.rejected().size());
        for (DecodedBatch.Rejected r : batch.rejected()) {
            RecordFrame f = r.frame();
            rows.add(Tuple.of(batch.gateway(), f.seq(), batch.site(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                    f.priority(), f.historical() ? 1 : 0, r.reason(), r.detail(), f.body(), batch.gateway(), f.seq()));
        }
        return conn.preparedQuery(INSERT_REJECTED).executeBatch(rows).map(RecordWriter::changedRows);
    }

    /** The JDBC client answers a batch with one row per statement holding its update count. */
    private static int changedRows(RowSet<Row> result) {
        int changed = 0;
        for (Row row : result) {
            Integer count = row.getInteger(0);
            changed += count == null || count < 0 ? 0 : count;
        }
        return changed;
    }
}
