package cn.taihang.wire.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.wire.sign.SignatureAlgorithm;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tickets signed with SM2 and SM3 beside Ed25519: same size, the key id names the algorithm, key rings carry it. */
@Tag("unit")
class Sm2TicketTest {

    private static final int SM2_KEY = 32768 + 7;

    private final TicketSigner sm2 = SampleTickets.signer(SM2_KEY);
    private final TicketSigner ed25519 = SampleTickets.signer(7);
    private final TrustCodec trust = new TrustCodec();

    @Test
    void anSm2TicketRoundTripsAndStillFitsQrVersion10AtLevelQ() throws Exception {
        assertThat(sm2.algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
        TicketVerifier verifier = new TicketVerifier(SampleTickets.ring(1, SampleTickets.key(sm2, KeyRing.KeyState.ACTIVE),
                SampleTickets.key(ed25519, KeyRing.KeyState.RETIRED)));
        Ticket ticket = SampleTickets.threeEntitlements(SM2_KEY, Long.MAX_VALUE);
        String text = sm2.sign(ticket);
        assertThat(verifier.verify(text).ticket()).isEqualTo(ticket);
        assertThat(verifier.verify(ed25519.sign(SampleTickets.threeEntitlements(7, 5))).ticket().keyId()).as("both algorithms in one ring").isEqualTo(7);

        assertThat(new TicketCodec().decode(text).signature()).as("the fixed 64-byte r ‖ s, not DER").hasSize(64);
        assertThat(text.length()).isLessThanOrEqualTo(221);
        QRCode qr = Encoder.encode(text, ErrorCorrectionLevel.Q, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
        assertThat(qr.getVersion().getVersionNumber()).as("QR version of a %d-character SM2 ticket", text.length()).isLessThanOrEqualTo(10);
    }

    @Test
    void aTicketWhoseKeyIdNamesSm2ButCarriesAnEd25519SignatureIsRefused() throws Exception {
        TicketVerifier verifier = new TicketVerifier(SampleTickets.ring(1, SampleTickets.key(sm2, KeyRing.KeyState.ACTIVE)));
        TicketCodec codec = new TicketCodec();
        byte[] body = codec.encodeBody(SampleTickets.threeEntitlements(SM2_KEY, 42));
        String forged = codec.toText(body, ed25519.signature(body));
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOfSatisfying(TicketException.class,
                e -> assertThat(e.reason()).isEqualTo(TicketException.Reason.BAD_SIGNATURE)).hasMessageContaining("sm2 signature");
        assertThatThrownBy(() -> new TicketSigner(SM2_KEY, SampleTickets.privateKey(7)).sign(SampleTickets.threeEntitlements(7, 1)))
                .hasMessageContaining("this signer holds key " + SM2_KEY);
    }

    @Test
    void keyRingsWithAnSm2KeyUseFormat2AndEd25519OnlyRingsStayFormat1() throws Exception {
        KeyRing mixed = SampleTickets.ring(9, SampleTickets.key(ed25519, KeyRing.KeyState.RETIRED), SampleTickets.key(sm2, KeyRing.KeyState.ACTIVE));
        byte[] bytes = trust.encode(mixed);
        assertThat(bytes[1]).isEqualTo((byte) 2);
        assertThat(trust.decodeKeyRing(bytes)).isEqualTo(mixed);
        assertThat(trust.decodeKeyRing(bytes).key(SM2_KEY).orElseThrow().algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(trust.encode(SampleTickets.ring(9, SampleTickets.key(ed25519, KeyRing.KeyState.ACTIVE)))[1]).isEqualTo((byte) 1);
        assertThatThrownBy(() -> new KeyRing.Key(SM2_KEY, ed25519.publicKey(), KeyRing.KeyState.ACTIVE)).hasMessageContaining("65 bytes");
    }

    @Test
    void aRingEntryWhoseAlgorithmDisagreesWithItsKeyIdIsRefused() throws Exception {
        byte[] lying = ringOf(7, SignatureAlgorithm.SM2_SM3.code(), ed25519.publicKey());
        assertThatThrownBy(() -> trust.decodeKeyRing(lying)).isInstanceOfSatisfying(TicketException.class,
                e -> assertThat(e.reason()).isEqualTo(TicketException.Reason.MALFORMED)).hasMessageContaining("key 7 is marked sm2");
        byte[] unknown = ringOf(7, 9, ed25519.publicKey());
        assertThatThrownBy(() -> trust.decodeKeyRing(unknown)).isInstanceOf(TicketException.class);
        byte[] sm2InEdFormat = ringOf(SM2_KEY, SignatureAlgorithm.ED25519.code(), sm2.publicKey());
        assertThatThrownBy(() -> trust.decodeKeyRing(sm2InEdFormat)).hasMessageContaining("is marked ed25519");
    }

    private static byte[] ringOf(int keyId, int algorithm, byte[] publicKey) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = new CBORFactory().createGenerator(out)) {
            gen.writeStartArray(null, 3);
            gen.writeNumber(2);
            gen.writeNumber(1);
            gen.writeStartArray(null, 1);
            gen.writeStartArray(null, 4);
            gen.writeNumber(keyId);
            gen.writeNumber(algorithm);
            gen.writeBinary(publicKey);
            gen.writeNumber(0);
            gen.writeEndArray();
            gen.writeEndArray();
            gen.writeEndArray();
        }
        return out.toByteArray();
    }
}
