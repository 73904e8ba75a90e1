package cn.taihang.bridge.ingest;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.module.Storage;
import cn.taihang.wire.RecordDigest;
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
 * never both. Each row keeps its content hash and store incarnation; a repeated key with other content is a conflict,
 * kept aside by {@link RepeatedKeys} in the same transaction. The gateway's last-seen time is updated in it too.
 */
public final class RecordWriter {

    private static final String INSERT_RECORD = """
            INSERT INTO records (gateway, seq, site, device, kind, time_ms, received_ms, priority, historical, values_json, units_json, digest, incarnation)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 WHERE NOT EXISTS (SELECT 1 FROM rejected WHERE gateway = $1 AND seq = $2)
            ON CONFLICT DO NOTHING""";
    private static final String INSERT_REJECTED = """
            INSERT INTO rejected (gateway, seq, site, device, kind, time_ms, received_ms, priority, historical, reason, detail, body, digest, incarnation)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 WHERE NOT EXISTS (SELECT 1 FROM records WHERE gateway = $1 AND seq = $2)
            ON CONFLICT DO NOTHING""";
    private static final String TOUCH_GATEWAY = """
            INSERT INTO gateways (id, site, online, last_seen_ms) VALUES ($1, $2, 0, $3)
            ON CONFLICT (id) DO UPDATE SET last_seen_ms = excluded.last_seen_ms WHERE gateways.last_seen_ms < excluded.last_seen_ms""";

    /**
     * What a stored batch changed.
     *
     * @param newRecords records stored for the first time
     * @param duplicates records (accepted or rejected) whose key was already stored with the same content
     * @param newRejected rejected records stored for the first time
     * @param conflicts records whose key was already stored with other content, kept in {@code conflicts}
     */
    public record Outcome(int newRecords, int duplicates, int newRejected, List<Conflict> conflicts) {

        /** Copies the list. */
        public Outcome {
            conflicts = List.copyOf(conflicts);
        }
    }

    /**
     * A record that repeated a stored key with other content.
     *
     * @param seq the key's sequence number
     * @param kind the conflicting record's kind
     * @param incarnation the conflicting record's store incarnation ({@code 0}: not said)
     * @param digest its content hash
     * @param keptIncarnation the incarnation of the record stored first under the key ({@code 0}: not said)
     * @param keptDigest the content hash of the record stored first
     */
    public record Conflict(long seq, String kind, long incarnation, String digest, long keptIncarnation, String keptDigest) {}

    /** What one insert did: the rows stored for the first time, and the records whose key was there already. */
    private record Inserted<T>(List<T> fresh, List<RecordFrame> repeats) {}

    private final Storage storage;
    private final RecordListeners listeners;
    private final RepeatedKeys repeatedKeys = new RepeatedKeys();

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
        return storage.writer().withTransaction(conn -> insertAccepted(conn, batch).compose(accepted ->
                listeners.notify(conn, accepted.fresh()).compose(v -> insertRejected(conn, batch)).compose(rejected -> {
                    List<RecordFrame> repeats = new ArrayList<>(accepted.repeats());
                    repeats.addAll(rejected.repeats());
                    return repeatedKeys.sortOut(conn, batch, repeats).compose(conflicts ->
                            conn.preparedQuery(TOUCH_GATEWAY).execute(Tuple.of(batch.gateway(), batch.site(), batch.receivedMillis()))
                                    .map(u -> new Outcome(accepted.fresh().size(), repeats.size() - conflicts.size(), rejected.fresh().size(), conflicts)));
                })));
    }

    /** @return the accepted records stored for the first time, in batch order, and those whose key was there */
    private Future<Inserted<IngestedRecord>> insertAccepted(SqlConnection conn, DecodedBatch batch) {
        if (batch.accepted().isEmpty()) {
            return Future.succeededFuture(new Inserted<>(List.of(), List.of()));
        }
        List<Tuple> rows = new ArrayList<>(batch.accepted().size());
        for (DecodedBatch.Accepted a : batch.accepted()) {
            RecordFrame f = a.frame();
            rows.add(Tuple.of(batch.gateway(), f.seq(), batch.site(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                    f.priority(), f.historical() ? 1 : 0, new JsonObject(a.values()).encode(), new JsonObject(new LinkedHashMap<String, Object>(a.units())).encode(),
                    RecordDigest.of(f), batch.incarnation()));
        }
        return conn.preparedQuery(INSERT_RECORD).executeBatch(rows).map(result -> {
            int[] counts = storage.updateCounts(result, rows.size());
            List<IngestedRecord> fresh = new ArrayList<>();
            List<RecordFrame> repeats = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                DecodedBatch.Accepted a = batch.accepted().get(i);
                RecordFrame f = a.frame();
                if (counts[i] > 0) {
                    fresh.add(new IngestedRecord(batch.gateway(), batch.site(), f.seq(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                            f.priority(), f.historical(), a.values(), a.units()));
                } else {
                    repeats.add(f);
                }
            }
            return new Inserted<>(fresh, repeats);
        });
    }

    private Future<Inserted<RecordFrame>> insertRejected(SqlConnection conn, DecodedBatch batch) {
        if (batch.rejected().isEmpty()) {
            return Future.succeededFuture(new Inserted<>(List.of(), List.of()));
        }
        List<Tuple> rows = new ArrayList<>(batch.rejected().size());
        for (DecodedBatch.Rejected r : batch.rejected()) {
            RecordFrame f = r.frame();
            rows.add(Tuple.of(batch.gateway(), f.seq(), batch.site(), f.device(), f.kind(), f.timeMillis(), batch.receivedMillis(),
                    f.priority(), f.historical() ? 1 : 0, r.reason(), r.detail(), f.body(), RecordDigest.of(f), batch.incarnation()));
        }
        return conn.preparedQuery(INSERT_REJECTED).executeBatch(rows).map(result -> {
            int[] counts = storage.updateCounts(result, rows.size());
            List<RecordFrame> fresh = new ArrayList<>();
            List<RecordFrame> repeats = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                (counts[i] > 0 ? fresh : repeats).add(batch.rejected().get(i).frame());
            }
            return new Inserted<>(fresh, repeats);
        });
    }
}
