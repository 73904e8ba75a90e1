package cn.taihang.bridge.ingest;

import cn.taihang.wire.DataBatch;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.WireFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the SenML body of each record into named values. Pure: no I/O. Thread-safe.
 *
 * <p>Each SenML record contributes {@code name → value}, taking the numeric value, else the text, else the boolean,
 * else the sum. If a pack names the same measurement twice, the later one wins (a record frame has one time).
 */
public final class RecordDecoder {

    private final SenmlCodec senml;

    /** @param senml the SenML codec (with the wire limits) */
    public RecordDecoder(SenmlCodec senml) {
        this.senml = senml;
    }

    /**
     * @param site site id from the topic
     * @param batch a decoded batch whose gateway matches the topic
     * @param receivedMillis when it arrived
     * @return accepted and rejected records, in batch order
     */
    public DecodedBatch decode(String site, DataBatch batch, long receivedMillis) {
        List<DecodedBatch.Accepted> accepted = new ArrayList<>(batch.records().size());
        List<DecodedBatch.Rejected> rejected = new ArrayList<>();
        for (RecordFrame frame : batch.records()) {
            try {
                accepted.add(toValues(frame, senml.decodeCbor(frame.body())));
            } catch (WireFormatException e) {
                rejected.add(new DecodedBatch.Rejected(frame, e.reason().name(), e.getMessage()));
            }
        }
        return new DecodedBatch(site, batch.gateway(), batch.incarnation(), receivedMillis, accepted, rejected);
    }

    private static DecodedBatch.Accepted toValues(RecordFrame frame, List<SenmlRecord> pack) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (SenmlRecord r : pack) {
            Object value = r.value() != null ? number(r.value())
                    : r.stringValue() != null ? r.stringValue()
                    : r.booleanValue() != null ? (Object) r.booleanValue()
                    : number(r.sum());
            values.put(r.name(), value);
            if (r.unit() != null) {
                units.put(r.name(), r.unit());
            } else {
                units.remove(r.name());
            }
        }
        return new DecodedBatch.Accepted(frame, values, units);
    }

    /** Whole numbers (counts) are kept as integers, so the API shows {@code 12}, not {@code 12.0}. */
    private static Number number(Double value) {
        if (value == null) {
            return null;
        }
        double v = value;
        return v == Math.rint(v) && Math.abs(v) < 9.007199254740992E15 ? (Number) (long) v : (Number) v;
    }
}
