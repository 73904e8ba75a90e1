package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.records.RecordKinds;
import java.util.concurrent.CompletableFuture;

/** A write waiting for the store's writer thread. */
sealed interface WriteTask {

    /** Bytes a row costs beyond its body, device and kind (key, columns, index entry). */
    int ROW_OVERHEAD = 40;

    /**
     * Store one record.
     *
     * @param done completes with the sequence number once committed
     */
    record Append(Priority priority, long timeMillis, String device, String kind, byte[] body, CompletableFuture<Long> done)
            implements WriteTask {

        /** @return the bytes the record counts against the quota */
        long size() {
            return body.length + device.length() + kind.length() + ROW_OVERHEAD;
        }

        /** @return whether this is a critical alarm record, which may use the alarm reserve above the quota */
        boolean isAlarm() {
            return priority == Priority.CRITICAL && kind.startsWith(RecordKinds.ALARM_PREFIX);
        }
    }

    /** Delete records the bridge acknowledged. */
    record Acknowledge(long[] seqs) implements WriteTask {}

    /**
     * Increment a durable counter.
     *
     * @param done completes with the new value once committed
     */
    record Increment(String name, CompletableFuture<Long> done) implements WriteTask {}

    /**
     * Remove records past their class's time to live.
     *
     * @param done completes with how many were removed, or {@code null} when nobody waits
     */
    record Expire(CompletableFuture<Integer> done) implements WriteTask {}

    /** Ends the writer once everything queued before it is written. */
    record Stop() implements WriteTask {}
}
