package cn.taihang.bridge.ingest;

import cn.taihang.wire.RecordFrame;
import java.util.List;
import java.util.Map;

/**
 * A data batch turned into rows: records whose SenML body decoded, and records kept aside as rejected.
 *
 * @param site site id from the topic
 * @param gateway gateway id (topic and payload agree)
 * @param incarnation the sending store's incarnation, {@code 0} if the batch does not say (version 1)
 * @param receivedMillis when the bridge received the batch
 * @param accepted records to store in the telemetry table
 * @param rejected records whose body is not valid SenML
 */
public record DecodedBatch(String site, String gateway, long incarnation, long receivedMillis, List<Accepted> accepted, List<Rejected> rejected) {

    /** Copies the lists. */
    public DecodedBatch {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    /**
     * A record with its measurements.
     *
     * @param frame the record as received
     * @param values measurement name → number, text or boolean
     * @param units measurement name → unit, for measurements that have one
     */
    public record Accepted(RecordFrame frame, Map<String, Object> values, Map<String, String> units) {}

    /**
     * A record whose body could not be decoded; stored with its raw bytes and acknowledged, so it does not loop.
     *
     * @param frame the record as received
     * @param reason reason code, e.g. {@code MALFORMED}
     * @param detail what was wrong
     */
    public record Rejected(RecordFrame frame, String reason, String detail) {}

    /** @return the sequence numbers of every record of the batch, accepted or rejected */
    public long[] seqs() {
        return java.util.stream.Stream.concat(accepted.stream().map(Accepted::frame), rejected.stream().map(Rejected::frame))
                .mapToLong(RecordFrame::seq).toArray();
    }

    /** @return number of records in the batch */
    public int size() {
        return accepted.size() + rejected.size();
    }
}
