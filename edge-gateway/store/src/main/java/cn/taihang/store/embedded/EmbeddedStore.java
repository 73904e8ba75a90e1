package cn.taihang.store.embedded;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.spi.DurableCounters;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.store.internal.SqliteStore;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;

/**
 * The gateway's durable store (SQLite, WAL, {@code synchronous=FULL}, group commit, quota, TTL per class) opened in the
 * embedder's process, without OSGi. It behaves as the store a gateway runs: a publish stage completes once the record is
 * committed, records are deleted when acknowledged, a damaged file is moved aside and replaced at open. Thread-safe.
 */
public final class EmbeddedStore implements AutoCloseable {

    private final SqliteStore store;

    private EmbeddedStore(SqliteStore store) {
        this.store = store;
    }

    /**
     * Opens (or creates) the store.
     *
     * @param options the file, settings and clock
     * @return the open store; close it when done
     * @throws IOException if the directory cannot be created or a damaged file cannot be moved aside
     * @throws SQLException if SQLite cannot open the file for another reason (permissions, disk)
     */
    public static EmbeddedStore open(StoreOptions options) throws IOException, SQLException {
        return new EmbeddedStore(SqliteStore.open(options.settings(), options.clock()));
    }

    /** @return where producers publish records; a stage completes with the record's sequence once it is durable */
    public Outbox outbox() {
        return store;
    }

    /** @return the records waiting for the bridge, as an uplink claims, acknowledges and releases them */
    public RecordQueue queue() {
        return store;
    }

    /** @return durable counters kept in the same file (the uplink's {@code bdSeq}) */
    public DurableCounters counters() {
        return store;
    }

    /** @return the store's health, with the per-class evicted and expired counts in its details */
    public HealthReport health() {
        return store.health();
    }

    /**
     * Removes records past their class's time to live now instead of at the next sweep.
     *
     * @return a stage completing with how many were removed; failed with {@link IllegalStateException} if the store is closed
     */
    public CompletionStage<Integer> expireNow() {
        return store.expireNow();
    }

    /** @return transactions committed since open */
    public long commits() {
        return store.commits();
    }

    /** Writes what is queued, then closes the file. Later publishes fail with {@code UNAVAILABLE}. */
    @Override
    public void close() {
        store.close();
    }
}
