package cn.taihang.wire.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TicketCodecTest {

    private final TicketCodec codec = new TicketCodec();
    private final TicketSigner signer = SampleTickets.signer(7);
    private final TicketVerifier verifier = new TicketVerifier(SampleTickets.ring(1, SampleTickets.key(signer, KeyRing.KeyState.ACTIVE)));

    @Test
    void roundTripsEveryField() throws Exception {
        Ticket ticket = SampleTickets.threeEntitlements(7, Long.MAX_VALUE - 12);
        String text = signer.sign(ticket);
        SignedTicket decoded = verifier.verify(text);
        assertThat(decoded.ticket()).isEqualTo(ticket);
        assertThat(decoded.ticket().holderRefHex()).isEqualTo("0102030405060708");
        assertThat(decoded.ticket().entitlements().get(2).kind()).contains(EntitlementKind.LODGING_STAY);
        assertThat(decoded.ticket().lastValidUntil()).isEqualTo(ticket.entitlements().get(2).validUntil());
    }

    @Test
    void aThreeEntitlementTicketFitsQrVersion10AtLevelQInAlphanumericMode() throws Exception {
        String text = signer.sign(SampleTickets.threeEntitlements(7, Long.MAX_VALUE));
        assertThat(text).startsWith("TH1:").matches("[0-9A-Z $%*+\\-./:]+");
        QRCode qr = Encoder.encode(text, ErrorCorrectionLevel.Q, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
        assertThat(qr.getMode()).isEqualTo(Mode.ALPHANUMERIC);
        assertThat(qr.getVersion().getVersionNumber()).as("QR version of a %d-character ticket", text.length()).isLessThanOrEqualTo(10);
        assertThat(text.length()).isLessThanOrEqualTo(221);
    }

    @Test
    void theMostAnEntitlementCanHoldStillRoundTrips() throws Exception {
        Instant from = Instant.parse("2099-12-31T23:59:00Z");
        Ticket ticket = new Ticket(65535, 1, new byte[8], Ticket.EPOCH, List.of(new Entitlement(255, Ticket.MAX_PLACE, from,
                from.plus(Ticket.MAX_VALIDITY), Ticket.MAX_USES)));
        assertThat(codec.decodeBody(codec.encodeBody(ticket))).isEqualTo(ticket);
        assertThat(ticket.entitlements().get(0).kind()).isEmpty();
        assertThat(ticket.entitlements().get(0).kindName()).isEqualTo("kind-255");
    }

    @Test
    void everyKindOfBadTextHasItsOwnReason() throws Exception {
        String good = signer.sign(SampleTickets.threeEntitlements(7, 42));
        TicketSigner stranger = SampleTickets.signer(99);
        TicketSigner impostor = new TicketSigner(7, SampleTickets.privateKey(1234));
        TicketVerifier withdrawn = new TicketVerifier(SampleTickets.ring(2, SampleTickets.key(signer, KeyRing.KeyState.WITHDRAWN)));
        Map<String, TicketException.Reason> cases = Map.of(
                "https://example.org/not-a-ticket", TicketException.Reason.NOT_A_TICKET,
                "TH1:" + "0".repeat(600), TicketException.Reason.TOO_LARGE,
                good.substring(0, 20) + "a" + good.substring(21), TicketException.Reason.MALFORMED,
                good.substring(0, good.length() - 30), TicketException.Reason.TRUNCATED,
                "TH2:" + good.substring(4), TicketException.Reason.UNSUPPORTED_VERSION,
                stranger.sign(SampleTickets.threeEntitlements(99, 42)), TicketException.Reason.UNKNOWN_KEY,
                impostor.sign(SampleTickets.threeEntitlements(7, 42)), TicketException.Reason.BAD_SIGNATURE);
        Set<TicketException.Reason> seen = EnumSet.noneOf(TicketException.Reason.class);
        cases.forEach((text, reason) -> {
            assertThatThrownBy(() -> verifier.verify(text)).as(reason.name()).isInstanceOfSatisfying(TicketException.class,
                    e -> assertThat(e.reason()).isEqualTo(reason));
            seen.add(reason);
        });
        assertThatThrownBy(() -> withdrawn.verify(good)).isInstanceOfSatisfying(TicketException.class,
                e -> assertThat(e.reason()).isEqualTo(TicketException.Reason.KEY_WITHDRAWN));
        seen.add(TicketException.Reason.KEY_WITHDRAWN);
        assertThat(seen).isEqualTo(EnumSet.allOf(TicketException.Reason.class));
    }

    @Test
    void everySingleFlippedBitIsRefusedAndNeverAccepted() throws Exception {
        String good = signer.sign(SampleTickets.threeEntitlements(7, 42));
        byte[] all = new org.apache.commons.codec.binary.Base45().decode(good.substring(4));
        int badSignatures = 0;
        for (int bit = 0; bit < all.length * 8; bit++) {
            byte[] flipped = all.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String text = "TH1:" + new String(new org.apache.commons.codec.binary.Base45().encode(flipped), java.nio.charset.StandardCharsets.US_ASCII);
            try {
                verifier.verify(text);
                throw new AssertionError("bit " + bit + " flipped was accepted");
            } catch (TicketException e) {
                assertThat(e.reason()).isIn(TicketException.Reason.BAD_SIGNATURE, TicketException.Reason.MALFORMED,
                        TicketException.Reason.TRUNCATED, TicketException.Reason.UNKNOWN_KEY, TicketException.Reason.UNSUPPORTED_VERSION);
                if (bit >= (all.length - TicketCodec.SIGNATURE_BYTES) * 8) {
                    assertThat(e.reason()).as("a flip in the signature").isEqualTo(TicketException.Reason.BAD_SIGNATURE);
                }
                badSignatures += e.reason() == TicketException.Reason.BAD_SIGNATURE ? 1 : 0;
            }
        }
        assertThat(badSignatures).isGreaterThan(all.length * 4);
    }

    @Test
    void truncatingAtEveryLengthIsRefusedAsTruncatedOrNotATicket() throws Exception {
        String good = signer.sign(SampleTickets.threeEntitlements(7, 42));
        for (int n = 0; n < good.length(); n++) {
            String cut = good.substring(0, n);
            assertThatThrownBy(() -> verifier.verify(cut)).as("cut at %d", n).isInstanceOfSatisfying(TicketException.class,
                    e -> assertThat(e.reason()).isIn(TicketException.Reason.TRUNCATED, TicketException.Reason.NOT_A_TICKET));
        }
    }

    @Test
    void trailingGarbageAndBrokenStructuresAreMalformed() throws Exception {
        String good = signer.sign(SampleTickets.threeEntitlements(7, 42));
        assertReason(good + "000", TicketException.Reason.MALFORMED);
        assertReason("TH1:" + "GGW".repeat(40), TicketException.Reason.MALFORMED);
        byte[] sig = new byte[64];
        byte[] notAnArray = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10};
        assertReason(codec.toText(notAnArray, sig), TicketException.Reason.MALFORMED);
        byte[] body = codec.encodeBody(SampleTickets.threeEntitlements(7, 42));
        byte[] wrongVersion = body.clone();
        wrongVersion[1] = 0x02;
        assertReason(codec.toText(wrongVersion, sig), TicketException.Reason.UNSUPPORTED_VERSION);
    }

    private void assertReason(String text, TicketException.Reason reason) {
        assertThatThrownBy(() -> codec.decode(text)).isInstanceOfSatisfying(TicketException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void ticketsRefuseOutOfRangeContentAtTheBoundary() {
        Instant t = Ticket.EPOCH;
        assertThatThrownBy(() -> new Ticket(7, 0, new byte[8], t, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ticket(7, 1, new byte[7], t, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Entitlement.of(EntitlementKind.BUS_RIDE, 1, t.plusSeconds(30), t.plusSeconds(3600), 1))
                .hasMessageContaining("whole minute");
        assertThatThrownBy(() -> Entitlement.of(EntitlementKind.BUS_RIDE, 1, t, t, 1)).hasMessageContaining("validity window");
        assertThatThrownBy(() -> Entitlement.of(EntitlementKind.BUS_RIDE, 1, t, t.plusSeconds(60), 0)).hasMessageContaining("uses");
    }
}
