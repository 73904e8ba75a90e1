package cn.taihang.wire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.command.CommandRefusedException;
import cn.taihang.wire.command.CommandVerifier;
import cn.taihang.wire.sign.SigningKey;
import cn.taihang.wire.sign.VerifyingKey;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer fuzz test of the command envelope decoder and the gateway's checks. Under Surefire it runs in regression mode
 * over {@code src/test/resources/cn/taihang/wire/CommandDecoderFuzzTestInputs/envelope/} (a signed fleet command, a
 * sealed one, a v1 one, truncated and altered ones). To fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -pl edge-gateway/wire-format test -Dtest=CommandDecoderFuzzTest}. The property: whatever the
 * bytes, decoding ends in a command or a {@link WireFormatException}, verification in a pass or a
 * {@link CommandRefusedException} — nothing else thrown, no hang — and nothing but the seed key's signatures verify.
 */
@Tag("unit")
class CommandDecoderFuzzTest {

    /** The fixed key the seeds were signed with (seed 1 of SHA1PRNG, as {@code SeedCommands} makes them). */
    static final SigningKey KEY = SeedCommands.key();
    private static final CommandCodec CODEC = new CommandCodec();
    private static final CommandAnchor ANCHOR = CommandAnchor.of(VerifyingKey.of(KEY.keyId(), KEY.publicKey()));
    private static final CommandVerifier VERIFIER = new CommandVerifier("gw-1", 300_000);

    @FuzzTest(maxDuration = "30s")
    void envelope(byte[] data) {
        SignedCommand signed;
        try {
            signed = CODEC.decode(data);
        } catch (WireFormatException e) {
            assertThat(e.reason()).isNotNull();
            return;
        }
        try {
            VERIFIER.authenticate(signed, ANCHOR);
            VERIFIER.checkAddress(signed.command(), signed.command().name(), signed.command().fleetWide());
            VERIFIER.checkTime(signed.command(), SeedCommands.NOW);
            assertThat(signed.signed()).isTrue();
        } catch (CommandRefusedException e) {
            assertThat(e.reason()).isNotNull();
        }
    }
}
