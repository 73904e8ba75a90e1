package cn.taihang.bridge.ingest;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.module.Storage;
import cn.taihang.wire.RecordFrame;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Stores a decoded batch in ONE write transaction. {@code INSERT … ON CONFLICT DO NOTHING} on the primary key
 * (gateway, seq) makes resends harmless — also when two copies of a batch are stored at once (on PostgreSQL the second
 * waits on the key until the first commits, then changes nothing); a key lives in {@code records} or {@code rejected},
 * never both. The gateway's last-seen time is updated in the same transaction.
 */
public final class RecordWriter {

    private static final String INSERT_RECORD = """
            INSERT INTO records (gateway, seq, site, device, kind, time_ms, received_ms, priority, historical, values_json, units_json)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 WHERE NOT EXISTS (SELECT 1 FROM rejected WHERE gateway = $1 AND seq = $2)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_REJECTED = """
            INSERT INTO rejected (gateway, seq, site, device, kind, time_ms, received_ms, priority, historical, reason, detail, body)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 WHERE NOT EXISTS (SELECT 1 FROM records WHERE gateway = $1 AND seq = $2)
            ON CONFLICT DO NOTHING""";
    private static final String TOUCH_GATEWAY = """
            INSERT INTO gateways (id, site, online, last_seen_ms) VALUES ($1, $2, 0, $3)
            ON CONFLICT (id) DO UPDATE SET last_seen_ms = excluded.last_seen_ms WHERE gateways.last_seen_ms < excluded.last_seen_ms""";

    /**
     * What a stored batch changed.
     *
     * @param newRecords records stored for the first time
     * @param duplicates records (accepted or rejected) whose key was already stored
     * @param newRejected rejected records stored for the first time
     */
    public record Outcome(int newRecords, int duplicates, int newRejected) {}

    private final Storage storage;
    private final RecordListeners listeners;

    /**
     * @param storage the bridge's database
     * @param listeners told of first-time records inside the transaction
     */
    public RecordWriter(Storage storage, RecordListeners listeners) {
        this.storage = storage;
        this.listeners = listeners;
    }

    /** @param storage the bridge's database */
    public RecordWriter(Storage storage) {
        this(storage, new RecordListeners());
    }

    /** @return what changed, once committed; fails (nothing stored) if the transaction fails */
    public Future<Outcome> store(DecodedBatch batch) {
        return storage.writer().withTransaction(conn -> insertAccepted(conn, batch).compose(fresh ->
                listeners.notify(conn, fresh).compose(v -> insertRejected(conn, batch)).compose(rejected ->
                        conn.preparedQuery(TOUCH_GATEWAY).execute(Tuple.of(batch.gateway(), batch.site(), batch.receivedMillis()))
                                .map(u -> new Outcome(fresh.size(), batch.size() - fresh.size() - rejected, rejected)))));
    }

    /** @return the accepted records stored for the first time, in batch order */
    private Future<List<IngestedRecord>> insertAccepted(SqlConnection conn, DecodedBatch batch) {
        if (batch.accepted().isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<Tuple> rows = new ArrayList<>(batch.accepted().size());
        for (DecodedBatch.Accepted a : batch.accepted()) {
            RecordFrame f = a.frame();
            rows.add(Tuple.of(batch.gateway(), f.seq(), batch.site(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                    f.priority(), f.historical() ? 1 : 0, new JsonObject(a.values()).encode(), new JsonObject(new LinkedHashMap<String, Object>(a.units())).encode()));
        }
        return conn.preparedQuery(INSERT_RECORD).executeBatch(rows).map(result -> {
            int[] counts = storage.updateCounts(result, rows.size());
            List<IngestedRecord> fresh = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    DecodedBatch.Accepted a = batch.accepted().get(i);
                    RecordFrame f = a.frame();
                    fresh.add(new IngestedRecord(batch.gateway(), batch.site(), f.seq(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                            f.priority(), f.historical(), a.values(), a.units()));
                }
            }
            return fresh;
        });
    }

    private Future<Integer> insertRejected(SqlConnection conn, DecodedBatch batch) {
        if (batch.rejected().isEmpty()) {
            return Future.succeededFuture(0);
        }
        List<Tuple> rows = new ArrayList<>(batch.rejected().size());
        for (DecodedBatch.Rejected r : batch.rejected()) {
            RecordFrame f = r.frame();
            rows.add(Tuple.of(batch.gateway(), f.seq(), batch.site(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                    f.priority(), f.historical() ? 1 : 0, r.reason(), r.detail(), f.body()));
        }
        return conn.preparedQuery(INSERT_REJECTED).executeBatch(rows).map(result -> java.util.Arrays.stream(storage.updateCounts(result, rows.size())).sum());
    }
}
