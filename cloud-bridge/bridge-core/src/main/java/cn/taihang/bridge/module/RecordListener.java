package cn.taihang.bridge.module;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;

/**
 * Told of records stored for the first time, inside the very transaction that stores them: what a
 * module writes through {@code transaction} commits together with the records, so each record is
 * processed exactly once, across resends and bridge restarts. A failed future rolls the whole batch
 * back (it is not acknowledged and the gateway resends it) — so fail only on a storage error, never on
 * bad content: log and skip that instead, or the batch would loop forever.
 */
@FunctionalInterface
public interface RecordListener {

    /**
     * @param transaction the ingest transaction on the writer connection
     * @param records the new records of the batch whose kind matched, in batch order
     * @return completes when the module's writes are done
     */
    Future<Void> onNewRecords(SqlConnection transaction, List<IngestedRecord> records);
}
