package cn.taihang.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RecordDigestTest {

    private static final byte[] BODY = {1, 2, 3};

    @Test
    void aResendHashesAlikeWhateverItsSeqAndHistoricalFlag() {
        RecordFrame first = new RecordFrame(10, 1_000, "lane-1", "counter.interval", 2, false, BODY);
        RecordFrame resent = new RecordFrame(99, 1_000, "lane-1", "counter.interval", 2, true, BODY.clone());
        assertThat(RecordDigest.of(resent)).isEqualTo(RecordDigest.of(first)).hasSize(64);
    }

    @Test
    void anyChangeOfContentChangesTheHash() {
        RecordFrame base = new RecordFrame(10, 1_000, "lane-1", "counter.interval", 2, false, BODY);
        String digest = RecordDigest.of(base);
        assertThat(RecordDigest.of(new RecordFrame(10, 1_001, "lane-1", "counter.interval", 2, false, BODY))).isNotEqualTo(digest);
        assertThat(RecordDigest.of(new RecordFrame(10, 1_000, "lane-2", "counter.interval", 2, false, BODY))).isNotEqualTo(digest);
        assertThat(RecordDigest.of(new RecordFrame(10, 1_000, "lane-1", "counter.intervam", 2, false, BODY))).isNotEqualTo(digest);
        assertThat(RecordDigest.of(new RecordFrame(10, 1_000, "lane-1", "counter.interval", 1, false, BODY))).isNotEqualTo(digest);
        assertThat(RecordDigest.of(new RecordFrame(10, 1_000, "lane-1", "counter.interval", 2, false, new byte[] {1, 2, 4}))).isNotEqualTo(digest);
        assertThat(RecordDigest.of(new RecordFrame(10, 1_000, "lane-", "1counter.interval", 2, false, BODY)))
                .as("fields are length-prefixed").isNotEqualTo(digest);
    }
}
