package cn.taihang.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.wire.sign.SigningKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CommandCodecTest {

    private final CommandCodec codec = new CommandCodec();
    private final SigningKey key = SigningKey.generate(1, new SecureRandom());

    @Test
    void roundTripsSignedAndKnowsWhenItExpired() throws Exception {
        Command command = Command.of(42, "keyring", Command.FLEET, 1000, 5000, new byte[] {1, 2, 3});
        SignedCommand decoded = codec.decode(codec.encode(command, key));
        assertThat(decoded.command()).isEqualTo(command);
        assertThat(decoded.keyId()).isEqualTo(1);
        assertThat(decoded.signed()).isTrue();
        assertThat(cn.taihang.wire.sign.VerifyingKey.of(1, key.publicKey()).verify(decoded.signedBytes(), decoded.signature())).isTrue();
        assertThat(command.expiredAt(5001)).isTrue();
        assertThat(command.expiredAt(4999)).isFalse();
        assertThat(Command.of(1, "rebirth", "gw-1", 0, 0, new byte[0]).expiredAt(Long.MAX_VALUE)).isFalse();
        Command sealed = new Command(2, 43, "sensor-keys", "gw-1", 1000, 0, true, new byte[48]);
        assertThat(codec.decode(codec.encode(sealed, SigningKey.generate(32768, new SecureRandom()))).command()).isEqualTo(sealed);
    }

    @Test
    void anUnsignedVersion1EnvelopeDecodesOnlyToBeRefused() throws Exception {
        SignedCommand old = codec.decode(codec.encodeVersion1(new Command(1, 7, "deny-list", null, 1, 0, false, new byte[] {5})));
        assertThat(old.signed()).isFalse();
        assertThat(old.keyId()).isEqualTo(-1);
        assertThat(old.command().version()).isEqualTo(1);
        assertThat(old.command().target()).isNull();
    }

    @Test
    void refusesTruncatedForeignAndMislabelledPayloads() {
        byte[] full = codec.encode(Command.of(7, "deny-list", Command.FLEET, 1, 0, new byte[20]), key);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatThrownBy(() -> codec.decode(cut)).isInstanceOf(WireFormatException.class);
        }
        assertThatThrownBy(() -> codec.decode("{\"name\":\"x\"}".getBytes())).isInstanceOf(WireFormatException.class);
        byte[] future = full.clone();
        future[1] = 3;
        assertThatThrownBy(() -> codec.decode(future)).isInstanceOfSatisfying(WireFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.UNSUPPORTED_VERSION));
        assertThatThrownBy(() -> Command.of(1, "x", "Not An Id", 0, 0, new byte[0])).hasMessageContaining("target");
        assertThatThrownBy(() -> new Command(2, 1, "sensor-keys", Command.FLEET, 0, 0, true, new byte[0])).hasMessageContaining("fleet command cannot be sealed");
        assertThatThrownBy(() -> codec.encode(new Command(1, 1, "x", null, 0, 0, false, new byte[0]), key)).hasMessageContaining("version-2");
    }

    @Test
    void fleetTopicsAreOutsideEveryGatewaysNamespace() {
        assertThat(Topics.fleetCommand("keyring")).isEqualTo("taihang/v1/fleet/cmd/keyring");
        assertThatThrownBy(() -> Topics.parse("taihang/v1/fleet/cmd/keyring")).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> Topics.data("fleet", "gw")).isInstanceOf(IllegalArgumentException.class);
    }
}
