package cn.taihang.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CommandCodecTest {

    private final CommandCodec codec = new CommandCodec();

    @Test
    void roundTripsAndKnowsWhenItExpired() throws Exception {
        Command command = new Command(1, 42, "keyring", 1000, 5000, new byte[] {1, 2, 3});
        assertThat(codec.decode(codec.encode(command))).isEqualTo(command);
        assertThat(command.expiredAt(5001)).isTrue();
        assertThat(command.expiredAt(4999)).isFalse();
        assertThat(new Command(1, 1, "rebirth", 0, 0, new byte[0]).expiredAt(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void refusesTruncatedAndForeignPayloads() {
        byte[] full = codec.encode(new Command(1, 7, "deny-list", 1, 0, new byte[20]));
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatThrownBy(() -> codec.decode(cut)).isInstanceOf(WireFormatException.class);
        }
        assertThatThrownBy(() -> codec.decode("{\"name\":\"x\"}".getBytes())).isInstanceOf(WireFormatException.class);
    }

    @Test
    void fleetTopicsAreOutsideEveryGatewaysNamespace() {
        assertThat(Topics.fleetCommand("keyring")).isEqualTo("taihang/v1/fleet/cmd/keyring");
        assertThatThrownBy(() -> Topics.parse("taihang/v1/fleet/cmd/keyring")).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> Topics.data("fleet", "gw")).isInstanceOf(IllegalArgumentException.class);
    }
}
