package cn.taihang.simulator.province;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * A virtual gateway's in-memory store of records, as the real gateway's store and drain keep them: every record gets the
 * next sequence number, is sent at most once per window, stays until the bridge acknowledges it, and is sent again when
 * its acknowledgement is overdue or the connection was lost. What the bridge acknowledged is the ground truth the run
 * compares with the bridge's table. Not thread-safe: one gateway's event-loop context uses it.
 */
public final class Outbox {

    /**
     * One record waiting for the bridge's acknowledgement.
     *
     * @param seq its sequence number
     * @param timeMillis its record time
     * @param device the device it is about
     * @param body its SenML CBOR body
     */
    public record Entry(long seq, long timeMillis, String device, byte[] body) {}

    private final TreeMap<Long, Entry> unacknowledged = new TreeMap<>();
    private final Map<Long, Long> sentAtNanos = new LinkedHashMap<>();
    private ArrayDeque<Entry> toSend = new ArrayDeque<>();
    private final BitSet acknowledged = new BitSet();
    private long nextSeq;
    private long duplicateAcks;

    /** @return the new record's sequence number */
    public long add(long timeMillis, String device, byte[] body) {
        Entry entry = new Entry(nextSeq++, timeMillis, device, body);
        unacknowledged.put(entry.seq(), entry);
        toSend.add(entry);
        return entry.seq();
    }

    /**
     * Takes records to send now; they count as in flight from {@code nowNanos}.
     *
     * @param max most records to take
     * @return up to {@code max} records not acknowledged and not in flight, oldest first
     */
    public List<Entry> take(int max, long nowNanos) {
        List<Entry> batch = new ArrayList<>(Math.min(max, toSend.size()));
        while (batch.size() < max && !toSend.isEmpty()) {
            Entry next = toSend.poll();
            if (unacknowledged.containsKey(next.seq()) && !sentAtNanos.containsKey(next.seq())) {
                sentAtNanos.put(next.seq(), nowNanos);
                batch.add(next);
            }
        }
        return batch;
    }

    /**
     * The bridge recorded these records.
     *
     * @param recordTimes is given the record time of each record acknowledged for the first time
     * @return how many were acknowledged for the first time
     */
    public int acknowledge(long[] seqs, LongConsumer recordTimes) {
        int first = 0;
        for (long seq : seqs) {
            Entry entry = unacknowledged.remove(seq);
            sentAtNanos.remove(seq);
            if (entry != null) {
                acknowledged.set(Math.toIntExact(seq));
                recordTimes.accept(entry.timeMillis());
                first++;
            } else {
                duplicateAcks++;
            }
        }
        return first;
    }

    /**
     * When the oldest record in flight waited longer than {@code timeoutNanos}, everything not acknowledged is to be
     * sent again.
     *
     * @return how many records are to be sent again (0: nothing overdue)
     */
    public int resendOverdue(long nowNanos, long timeoutNanos) {
        Iterator<Long> oldest = sentAtNanos.values().iterator();
        if (!oldest.hasNext() || nowNanos - oldest.next() <= timeoutNanos) {
            return 0;
        }
        return requeueAll();
    }

    /** The connection is gone: nothing is in flight any more, everything not acknowledged is to be sent again. @return how many */
    public int requeueAll() {
        int inFlight = sentAtNanos.size();
        sentAtNanos.clear();
        toSend = new ArrayDeque<>(unacknowledged.values());
        return inFlight;
    }

    /** @return records in flight (sent, not acknowledged) */
    public int inFlight() {
        return sentAtNanos.size();
    }

    /** @return records not acknowledged yet, sent or not */
    public int unacknowledged() {
        return unacknowledged.size();
    }

    /** @return how many records were made */
    public long made() {
        return nextSeq;
    }

    /** @return acknowledgements of records acknowledged before (harmless: the bridge acknowledges duplicates too) */
    public long duplicateAcks() {
        return duplicateAcks;
    }

    /** @return the ground truth: the sequence numbers the bridge acknowledged (a copy) */
    public BitSet acknowledged() {
        return (BitSet) acknowledged.clone();
    }
}
