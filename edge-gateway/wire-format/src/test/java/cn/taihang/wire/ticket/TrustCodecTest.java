package cn.taihang.wire.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TrustCodecTest {

    private final TrustCodec codec = new TrustCodec();

    @Test
    void keyRingsRoundTrip() throws Exception {
        KeyRing ring = SampleTickets.ring(17, SampleTickets.key(SampleTickets.signer(1), KeyRing.KeyState.RETIRED),
                SampleTickets.key(SampleTickets.signer(2), KeyRing.KeyState.ACTIVE), SampleTickets.key(SampleTickets.signer(3), KeyRing.KeyState.WITHDRAWN));
        assertThat(codec.decodeKeyRing(codec.encode(ring))).isEqualTo(ring);
    }

    @Test
    void denyListsRoundTrip() throws Exception {
        List<DenyList.Entry> entries = new ArrayList<>();
        for (long id = 1; id <= 1000; id++) {
            entries.add(new DenyList.Entry(id * 7919 * 1_000_003L, Instant.parse("2025-05-02T16:00:00Z").plusSeconds(id * 60)));
        }
        DenyList list = new DenyList(4, entries);
        byte[] bytes = codec.encode(list);
        assertThat(codec.decodeDenyList(bytes)).isEqualTo(list);
        assertThat(bytes.length).as("bytes per entry").isLessThan(1000 * 16);
        assertThat(list.ids()).contains(7919 * 1_000_003L);
    }

    @Test
    void badBodiesAreRefusedWithAReason() {
        byte[] ring = codec.encode(SampleTickets.ring(1, SampleTickets.key(SampleTickets.signer(1), KeyRing.KeyState.ACTIVE)));
        assertReason(() -> codec.decodeKeyRing(new byte[0]), TicketException.Reason.TRUNCATED);
        assertReason(() -> codec.decodeKeyRing(java.util.Arrays.copyOf(ring, ring.length - 3)), TicketException.Reason.TRUNCATED);
        assertReason(() -> codec.decodeKeyRing(new byte[] {(byte) 0xff, 0x00}), TicketException.Reason.MALFORMED);
        assertReason(() -> codec.decodeKeyRing(new byte[TrustCodec.MAX_BYTES + 1]), TicketException.Reason.TOO_LARGE);
        assertReason(() -> codec.decodeDenyList(ring), TicketException.Reason.MALFORMED);
        byte[] future = ring.clone();
        future[1] = 0x03;
        assertReason(() -> codec.decodeKeyRing(future), TicketException.Reason.UNSUPPORTED_VERSION);
        byte[] trailing = java.util.Arrays.copyOf(ring, ring.length + 1);
        assertReason(() -> codec.decodeKeyRing(trailing), TicketException.Reason.MALFORMED);
    }

    interface Decoding {
        Object run() throws TicketException;
    }

    private static void assertReason(Decoding decoding, TicketException.Reason reason) {
        assertThatThrownBy(decoding::run).isInstanceOfSatisfying(TicketException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
