package cn.taihang.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.wire.records.RecordKinds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BatchCodecTest {

    private final BatchCodec codec = new BatchCodec();
    private final SenmlCodec senml = new SenmlCodec();

    private DataBatch sample(int records) {
        List<RecordFrame> frames = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            byte[] body = senml.encodeCbor(List.of(SenmlRecord.number("count", "count", 12 + i), SenmlRecord.number("speed", "m/s", 16.25)));
            frames.add(new RecordFrame(1_700_000_000_000_000L + i, 1_732_860_000_000L + i, "post-zw-03/lane-" + i, RecordKinds.COUNTER_INTERVAL, i % 4, i % 2 == 0, body));
        }
        return new DataBatch("gw-zheshui-1", frames);
    }

    @Test
    void roundTripsEveryField() throws Exception {
        DataBatch batch = sample(5);
        DataBatch decoded = codec.decode(codec.encode(batch));
        assertThat(decoded).isEqualTo(batch);
    }

    @Test
    void versionTwoCarriesTheStoreIncarnationAndTheRun() throws Exception {
        DataBatch v1 = sample(3);
        DataBatch v2 = new DataBatch(v1.gateway(), 0x5eed_cafe_f00dL, -42L, v1.records());
        byte[] bytes = codec.encode(v2);
        assertThat(bytes[1]).as("version").isEqualTo((byte) 0x02);
        DataBatch decoded = codec.decode(bytes);
        assertThat(decoded).isEqualTo(v2);
        assertThat(decoded.identifiesStore()).isTrue();
    }

    @Test
    void versionOneBatchesStillDecodeWithoutStoreIdentity() throws Exception {
        byte[] bytes = codec.encode(sample(2));
        assertThat(bytes[1]).as("version").isEqualTo((byte) 0x01);
        DataBatch decoded = codec.decode(bytes);
        assertThat(decoded.identifiesStore()).isFalse();
        assertThat(decoded.incarnation()).isZero();
        assertThat(decoded.records()).isEqualTo(sample(2).records());
    }

    @Test
    void ackOfARunIsForThatRunOnly() throws Exception {
        Ack scoped = new Ack(77, new long[] {5, 6, 9});
        Ack decoded = codec.decodeAck(codec.encodeAck(scoped));
        assertThat(decoded).isEqualTo(scoped);
        assertThat(decoded.isFor(77)).isTrue();
        assertThat(decoded.isFor(78)).as("a clone's run").isFalse();
        assertThat(new Ack(new long[] {5}).isFor(78)).as("a version-1 ack is for every run").isTrue();
    }

    @Test
    void envelopeCostsFewBytesPerRecord() {
        DataBatch batch = sample(100);
        int bodies = batch.records().stream().mapToInt(r -> r.body().length).sum();
        double envelopePerRecord = (codec.encode(batch).length - bodies) / 100.0;
        assertThat(envelopePerRecord).as("envelope bytes per record").isLessThan(32);
    }

    @Test
    void refusesTruncatedPayloadsAtEveryLength() {
        byte[] full = codec.encode(sample(3));
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatThrownBy(() -> codec.decode(cut)).as("cut at %d", n).isInstanceOf(WireFormatException.class);
        }
    }

    @Test
    void refusesRandomBytesWithAWireFormatExceptionOnly() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[1 + random.nextInt(200)];
            random.nextBytes(junk);
            try {
                codec.decode(junk);
            } catch (WireFormatException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        }
    }

    @Test
    void refusesFlippedBitsWithoutCrashing() {
        byte[] full = codec.encode(sample(2));
        for (int bit = 0; bit < full.length * 8; bit++) {
            byte[] flipped = full.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            try {
                codec.decode(flipped);
            } catch (WireFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void refusesOversizedPayload() {
        byte[] huge = new byte[WireLimits.V1.maxMessageBytes() + 1];
        assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(WireFormatException.class)
                .extracting(e -> ((WireFormatException) e).reason()).isEqualTo(WireFormatException.Reason.TOO_LARGE);
    }

    @Test
    void refusesUnknownVersion() {
        byte[] bytes = codec.encode(sample(1));
        bytes[1] = 0x03;
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(WireFormatException.class)
                .extracting(e -> ((WireFormatException) e).reason()).isEqualTo(WireFormatException.Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void refusesMoreRecordsThanTheLimit() {
        BatchCodec small = new BatchCodec(new WireLimits(1 << 20, 2, 1024, 64, 16));
        byte[] three = codec.encode(sample(3));
        assertThatThrownBy(() -> small.decode(three)).isInstanceOf(WireFormatException.class)
                .extracting(e -> ((WireFormatException) e).reason()).isEqualTo(WireFormatException.Reason.TOO_LARGE);
    }

    @Test
    void ackCompressesRunsIntoRanges() throws Exception {
        long[] seqs = new long[1000];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = 5000 + i;
        }
        byte[] bytes = codec.encodeAck(new Ack(seqs));
        assertThat(bytes.length).isLessThan(16);
        assertThat(codec.decodeAck(bytes)).isEqualTo(new Ack(seqs));
        Ack gaps = new Ack(new long[] {9, 1, 2, 3, 7, 2});
        assertThat(codec.decodeAck(codec.encodeAck(gaps)).seqs()).containsExactly(1, 2, 3, 7, 9);
    }

    @Test
    void ackBytesAreTheVersionOneLayout() {
        assertThat(java.util.HexFormat.of().formatHex(codec.encodeAck(new Ack(new long[] {1, 2, 3, 7})))).isEqualTo("820182820103820707");
    }

    @Test
    void refusesGarbageAcks() {
        for (byte[] junk : List.of(new byte[0], new byte[] {(byte) 0xff}, new byte[] {0x1a, 0x00}, "not cbor".getBytes(), new byte[] {(byte) 0x82, 0x02, (byte) 0x80})) {
            assertThatThrownBy(() -> codec.decodeAck(junk)).isInstanceOf(WireFormatException.class);
        }
    }
}
