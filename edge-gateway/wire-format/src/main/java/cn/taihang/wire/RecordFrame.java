package cn.taihang.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record on the wire.
 *
 * @param seq the sending gateway's sequence number; (gateway, seq) is the record's idempotency key
 * @param timeMillis when the measured thing happened, ms since the Unix epoch
 * @param device device id
 * @param kind record kind, e.g. {@code counter.interval}
 * @param priority priority class code, 0 (critical) … 3 (bulk)
 * @param historical {@code true} if stored before the current connection (replayed after an outage)
 * @param body the measurements as a SenML CBOR pack ({@link SenmlCodec})
 */
public record RecordFrame(long seq, long timeMillis, String device, String kind, int priority, boolean historical, byte[] body) {

    /** Validates at the boundary. @throws IllegalArgumentException on bad fields */
    public RecordFrame {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, was " + seq);
        }
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        if (priority < 0 || priority > 3) {
            throw new IllegalArgumentException("priority code must be 0-3, was " + priority);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordFrame r && seq == r.seq && timeMillis == r.timeMillis && priority == r.priority
                && historical == r.historical && device.equals(r.device) && kind.equals(r.kind) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, timeMillis, device, kind, priority, historical, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordFrame[seq=" + seq + ", time=" + timeMillis + ", device=" + device + ", kind=" + kind
                + ", priority=" + priority + ", historical=" + historical + ", body=" + body.length + " bytes]";
    }
}
