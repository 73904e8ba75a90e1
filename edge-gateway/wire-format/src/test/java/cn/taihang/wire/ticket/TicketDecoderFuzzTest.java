package cn.taihang.wire.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Base45;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer fuzz tests of the ticket decoder. Under Surefire they run in regression mode: every input in
 * {@code src/test/resources/cn/taihang/wire/ticket/TicketDecoderFuzzTestInputs/<method>/} (and the
 * {@code .cifuzz-corpus/} a local fuzzing run grows, not committed). To fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -pl edge-gateway/wire-format test -Dtest=TicketDecoderFuzzTest}.
 * The property: whatever the input, the decoder and verifier end in a ticket or a {@link TicketException}
 * (nothing else thrown, no hang), and a decoded body encodes back to a body that decodes to the same ticket.
 */
@Tag("unit")
class TicketDecoderFuzzTest {

    private static final TicketCodec CODEC = new TicketCodec();
    private static final TicketSigner SIGNER = SampleTickets.signer(7);
    private static final TicketVerifier VERIFIER = new TicketVerifier(SampleTickets.ring(1, SampleTickets.key(SIGNER, KeyRing.KeyState.ACTIVE)));

    /** Raw bytes as a scanned line (any characters). */
    @FuzzTest(maxDuration = "30s")
    void scannedText(byte[] data) {
        check(new String(data, StandardCharsets.ISO_8859_1));
    }

    /** Raw bytes as the ticket's binary content, so the fuzzer reaches the CBOR and the signature checks. */
    @FuzzTest(maxDuration = "30s")
    void ticketBytes(byte[] data) {
        check(TicketCodec.PREFIX + new String(new Base45().encode(data), StandardCharsets.US_ASCII));
    }

    private static void check(String text) {
        SignedTicket signed;
        try {
            signed = CODEC.decode(text);
        } catch (TicketException e) {
            assertThat(e.reason()).isNotNull();
            return;
        }
        try {
            assertThat(CODEC.decodeBody(CODEC.encodeBody(signed.ticket()))).isEqualTo(signed.ticket());
        } catch (TicketException e) {
            throw new AssertionError("a decoded ticket did not survive re-encoding: " + e.getMessage(), e);
        }
        try {
            VERIFIER.verify(signed);
        } catch (TicketException e) {
            assertThat(e.reason()).isNotNull();
        }
    }
}
