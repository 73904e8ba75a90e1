package cn.taihang.wire;

import java.util.Arrays;

/**
 * The bridge's acknowledgement to one gateway: these sequence numbers are recorded durably (first
 * time or duplicate alike) and may be deleted from the gateway's store.
 *
 * @param seqs acknowledged sequence numbers, ascending, no duplicates
 */
public record Ack(long[] seqs) {

    /** Sorts and de-duplicates. */
    public Ack {
        seqs = Arrays.stream(seqs).sorted().distinct().toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ack a && Arrays.equals(seqs, a.seqs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seqs);
    }

    @Override
    public String toString() {
        return "Ack" + Arrays.toString(seqs);
    }
}
