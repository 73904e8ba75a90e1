package cn.taihang.gateway.spi;

import cn.taihang.gateway.api.Priority;
import java.util.List;
import java.util.Map;

/**
 * The store's side of draining, as an OSGi service used by the cloud link. Records move from
 * pending to in flight when claimed, and are deleted when acknowledged by the bridge. Everything in
 * flight returns to pending when released and after a restart.
 */
public interface RecordQueue {

    /**
     * Claims pending records for sending, by priority class then sequence.
     *
     * @param max the most to return, positive
     * @return up to {@code max} records, possibly none; never {@code null}
     */
    List<StoredRecord> claim(int max);

    /**
     * Deletes records the bridge has recorded. Unknown or already deleted sequence numbers are ignored.
     * Does not block on I/O.
     *
     * @param seqs sequence numbers
     */
    void acknowledge(long[] seqs);

    /**
     * The store's incarnation: a random id made with the store file and kept in it, sent with every batch so the bridge
     * can tell this store from another under the same gateway id (a re-flashed or cloned card).
     *
     * @return the id, or {@code 0} if this store has none
     */
    default long incarnation() {
        return 0;
    }

    /** Returns every in-flight record to pending, e.g. when the uplink is lost. */
    void releaseAll();

    /** @return how many records are in flight */
    int inFlight();

    /** @return the backlog per priority class, every class present */
    Map<Priority, ClassBacklog> backlog();

    /**
     * Registers a callback run (on the store's thread, briefly) whenever new records are committed.
     *
     * @param listener the callback; replaces any previous one; {@code null} removes it
     */
    void onRecordsAvailable(Runnable listener);
}
