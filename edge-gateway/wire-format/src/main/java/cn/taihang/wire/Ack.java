package cn.taihang.wire;

import java.util.Arrays;

/**
 * The bridge's acknowledgement to one gateway: these sequence numbers are recorded durably (first
 * time, duplicate, or kept aside as a conflict) and may be deleted from the gateway's store.
 *
 * @param run the {@link DataBatch#run()} of the batch acknowledged: a gateway deletes only on an acknowledgement of its
 *     own run; {@code 0} in a version-1 acknowledgement (answering a version-1 batch), which every run accepts
 * @param seqs acknowledged sequence numbers, ascending, no duplicates
 */
public record Ack(long run, long[] seqs) {

    /** Sorts and de-duplicates. */
    public Ack {
        seqs = Arrays.stream(seqs).sorted().distinct().toArray();
    }

    /** A version-1 acknowledgement, not scoped to a run. */
    public Ack(long[] seqs) {
        this(0, seqs);
    }

    /** @return whether a sender whose run is {@code ownRun} should act on this acknowledgement */
    public boolean isFor(long ownRun) {
        return run == 0 || run == ownRun;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ack a && run == a.run && Arrays.equals(seqs, a.seqs);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(run) + Arrays.hashCode(seqs);
    }

    @Override
    public String toString() {
        return "Ack" + (run == 0 ? "" : "(run " + Long.toHexString(run) + ")") + Arrays.toString(seqs);
    }
}
