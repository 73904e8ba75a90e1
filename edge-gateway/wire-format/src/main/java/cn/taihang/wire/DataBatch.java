package cn.taihang.wire;

import java.util.List;

/**
 * The payload of a gateway's data topic: records of one gateway.
 *
 * @param gateway the sending gateway's id (must match the topic)
 * @param records the records, at least one
 */
public record DataBatch(String gateway, List<RecordFrame> records) {

    /** Copies the list. */
    public DataBatch {
        records = List.copyOf(records);
    }
}
