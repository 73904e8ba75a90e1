package cn.taihang.bridge.module;

import java.util.Comparator;
import java.util.List;

/**
 * The order records happened in, whatever order they arrive in: by record time, then gateway, then the gateway's
 * sequence number. Batches are resent after newer ones and gateways reconnect in any order, so a listener whose
 * effect depends on order applies a record only if it is newer by this key than what it applied last (keeping the
 * key with its state), or sorts what it folds by it.
 *
 * @param timeMillis the record time
 * @param gateway the sending gateway, never {@code null}
 * @param seq the gateway's sequence number
 */
public record RecordOrder(long timeMillis, String gateway, long seq) implements Comparable<RecordOrder> {

    /** Oldest first. */
    public static final Comparator<RecordOrder> OLDEST_FIRST = Comparator.comparingLong(RecordOrder::timeMillis)
            .thenComparing(RecordOrder::gateway).thenComparingLong(RecordOrder::seq);

    /** @return the record's place in the order */
    public static RecordOrder of(IngestedRecord r) {
        return new RecordOrder(r.timeMillis(), r.gateway(), r.seq());
    }

    /** @return the records oldest first (a new list) */
    public static List<IngestedRecord> sorted(List<IngestedRecord> records) {
        return records.stream().sorted(Comparator.comparing(RecordOrder::of)).toList();
    }

    @Override
    public int compareTo(RecordOrder other) {
        return OLDEST_FIRST.compare(this, other);
    }
}
