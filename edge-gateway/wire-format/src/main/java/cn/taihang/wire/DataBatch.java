package cn.taihang.wire;

import java.util.List;

/**
 * The payload of a gateway's data topic: records of one gateway, from one store.
 *
 * @param gateway the sending gateway's id (must match the topic)
 * @param incarnation the random id of the store the records come from, made with the store file and kept in it (a
 *     restored copy of the file keeps it); {@code 0} in a version-1 batch, which does not carry it
 * @param run a random id the sender draws each time it starts, never {@code 0} in a version-2 batch: the bridge's
 *     acknowledgement carries it back, so a second store under the same gateway id (a cloned card) ignores
 *     acknowledgements that were not meant for it; {@code 0} in a version-1 batch
 * @param records the records, at least one
 */
public record DataBatch(String gateway, long incarnation, long run, List<RecordFrame> records) {

    /** Copies the list. */
    public DataBatch {
        records = List.copyOf(records);
    }

    /** A version-1 batch: no store incarnation, no run. */
    public DataBatch(String gateway, List<RecordFrame> records) {
        this(gateway, 0, 0, records);
    }

    /** @return whether the batch carries its store's incarnation and the sender's run (version 2) */
    public boolean identifiesStore() {
        return run != 0;
    }
}
