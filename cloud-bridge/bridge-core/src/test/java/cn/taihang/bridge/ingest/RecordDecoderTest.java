package cn.taihang.bridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.wire.DataBatch;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RecordDecoderTest {

    private final SenmlCodec senml = new SenmlCodec();
    private final RecordDecoder decoder = new RecordDecoder(senml);

    private static RecordFrame frame(long seq, byte[] body) {
        return new RecordFrame(seq, 1000, "sensor-1", "weather", 1, false, body);
    }

    @Test
    void turnsSenmlIntoNamedValuesAndUnitsWithWholeNumbersAsIntegers() {
        byte[] body = senml.encodeCbor(List.of(SenmlRecord.number("3303/0/5700", "Cel", -2.5), SenmlRecord.text("state", "ice"),
                SenmlRecord.flag("alarm", true), new SenmlRecord("rain", "mm", null, null, null, 12.0, 0)));
        DecodedBatch d = decoder.decode("site-1", new DataBatch("gw-1", List.of(frame(1, body))), 77);
        assertThat(d.rejected()).isEmpty();
        assertThat(d.receivedMillis()).isEqualTo(77);
        DecodedBatch.Accepted a = d.accepted().get(0);
        assertThat(a.values()).containsEntry("3303/0/5700", -2.5).containsEntry("state", "ice").containsEntry("alarm", true).containsEntry("rain", 12L);
        assertThat(a.units()).containsEntry("3303/0/5700", "Cel").containsEntry("rain", "mm").doesNotContainKeys("state", "alarm");
    }

    @Test
    void aNameGivenTwiceKeepsTheLaterValueAndItsUnit() {
        byte[] body = senml.encodeCbor(List.of(SenmlRecord.number("t", "Cel", 1), SenmlRecord.number("t", null, 2)));
        DecodedBatch.Accepted a = decoder.decode("s", new DataBatch("gw-1", List.of(frame(1, body))), 0).accepted().get(0);
        assertThat(a.values()).containsExactly(java.util.Map.entry("t", 2L));
        assertThat(a.units()).isEmpty();
    }

    @Test
    void badBodiesAreRejectedWithTheirReasonAndTheRestIsKept() {
        byte[] good = senml.encodeCbor(List.of(SenmlRecord.number("count", "count", 1)));
        List<RecordFrame> frames = List.of(frame(1, good), frame(2, new byte[0]), frame(3, "not cbor".getBytes(StandardCharsets.UTF_8)),
                frame(4, java.util.Arrays.copyOf(good, good.length - 1)), frame(5, new byte[20_000]), frame(6, good));
        DecodedBatch d = decoder.decode("s", new DataBatch("gw-1", frames), 0);
        assertThat(d.accepted()).extracting(x -> x.frame().seq()).containsExactly(1L, 6L);
        assertThat(d.rejected()).extracting(x -> x.frame().seq()).containsExactly(2L, 3L, 4L, 5L);
        assertThat(d.rejected()).allSatisfy(r -> {
            assertThat(r.reason()).isIn("MALFORMED", "BAD_STRUCTURE", "TOO_LARGE", "UNSUPPORTED_VERSION");
            assertThat(r.detail()).isNotBlank();
        });
        assertThat(d.seqs()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(d.size()).isEqualTo(6);
    }
}
