package cn.taihang.bridge.ingest;

import cn.taihang.wire.RecordDigest;
import cn.taihang.wire.RecordFrame;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts records whose key (gateway, seq) was stored already into duplicates (same content hash: a resend, harmless) and
 * conflicts (another content hash: a restored backup or a cloned card reissued the number). A conflict is kept in the
 * table {@code conflicts} with its body, inside the batch's transaction, so it is acknowledged only once it is safe. A
 * stored record without a hash (from before hashes were kept) cannot be compared and counts as a duplicate.
 */
final class RepeatedKeys {

    private static final String STORED = """
            SELECT seq, digest, incarnation, values_json FROM records WHERE gateway = $1 AND seq >= $2 AND seq <= $3
            UNION ALL SELECT seq, digest, incarnation, NULL FROM rejected WHERE gateway = $1 AND seq >= $2 AND seq <= $3""";
    private static final String KEEP = """
            INSERT INTO conflicts (gateway, seq, digest, incarnation, site, device, kind, time_ms, received_ms, priority, body, kept_digest,
              kept_incarnation, kept_values_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING""";

    private record Stored(String digest, Long incarnation, String valuesJson) {}

    /**
     * @param repeats records of the batch whose key was stored already
     * @return the conflicts among them, kept; fails if the database does
     */
    Future<List<RecordWriter.Conflict>> sortOut(SqlConnection conn, DecodedBatch batch, List<RecordFrame> repeats) {
        if (repeats.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        long from = repeats.stream().mapToLong(RecordFrame::seq).min().orElseThrow();
        long to = repeats.stream().mapToLong(RecordFrame::seq).max().orElseThrow();
        return conn.preparedQuery(STORED).execute(Tuple.of(batch.gateway(), from, to)).compose(rows -> {
            Map<Long, Stored> stored = new HashMap<>();
            for (Row row : rows) {
                stored.put(row.getLong(0), new Stored(row.getString(1), row.getLong(2), row.getString(3)));
            }
            List<RecordWriter.Conflict> conflicts = new ArrayList<>();
            List<Tuple> keep = new ArrayList<>();
            for (RecordFrame f : repeats) {
                Stored first = stored.get(f.seq());
                String digest = RecordDigest.of(f);
                if (first == null || first.digest() == null || first.digest().equals(digest)) {
                    continue;
                }
                conflicts.add(new RecordWriter.Conflict(f.seq(), f.kind(), batch.incarnation(), digest, first.incarnation() == null ? 0 : first.incarnation(),
                        first.digest()));
                keep.add(Tuple.from(Arrays.asList(batch.gateway(), f.seq(), digest, batch.incarnation(), batch.site(), f.device(), f.kind(), f.timeMillis(),
                        batch.receivedMillis(), f.priority(), f.body(), first.digest(), first.incarnation(), first.valuesJson())));
            }
            if (keep.isEmpty()) {
                return Future.succeededFuture(conflicts);
            }
            return conn.preparedQuery(KEEP).executeBatch(keep).map(done -> conflicts);
        });
    }
}
