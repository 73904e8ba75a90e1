package cn.taihang.bridge.testing;

import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKinds;
import java.util.ArrayList;
import java.util.List;

/** Record frames for tests, with real SenML CBOR bodies. */
public final class Frames {

    public static final long T0 = 1_732_860_000_000L;
    private static final SenmlCodec SENML = new SenmlCodec();

    private Frames() {
    }

    /** A vehicle-counter interval: count, speed (m/s), a text state and a flag. */
    public static RecordFrame counter(long seq, long time, String device, int count) {
        byte[] body = SENML.encodeCbor(List.of(SenmlRecord.of(CounterInterval.COUNT, count), SenmlRecord.number("speed", "m/s", 16.25),
                SenmlRecord.text("state", "clear"), SenmlRecord.flag("door", true)));
        return new RecordFrame(seq, time, device, RecordKinds.COUNTER_INTERVAL, 2, false, body);
    }

    /** A record whose body is not SenML. */
    public static RecordFrame badBody(long seq, long time) {
        return new RecordFrame(seq, time, "lane-9", RecordKinds.COUNTER_INTERVAL, 2, true, new byte[] {(byte) 0x9f, 0x01, 0x02});
    }

    /** Records seq from..to (inclusive) on device lane-1, one second apart. */
    public static List<RecordFrame> range(long from, long to) {
        List<RecordFrame> frames = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            frames.add(counter(s, T0 + s * 1000, "lane-1", (int) s));
        }
        return frames;
    }
}
