package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.broker.BrokerAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@Tag("unit")
class BridgeMainTest {

    private static BridgeOptions parse(String... args) {
        BridgeMain main = new BridgeMain();
        new CommandLine(main).parseArgs(args);
        return main.toOptions();
    }

    @Test
    void defaultsAreTheOptionsDefaults() {
        assertThat(parse()).isEqualTo(BridgeOptions.defaults());
        assertThat(BridgeOptions.defaults()).isEqualTo(new BridgeOptions("127.0.0.1", 8080, 1883, null, Path.of("data/bridge"), null, null, null));
    }

    @Test
    void readsEveryOption() {
        BridgeOptions o = parse("--http-port", "0", "--mqtt-port", "0", "--broker", "tcp://emqx:1883", "--data", "/var/lib/bridge",
                "--host", "0.0.0.0", "--share-group", "bridge", "--client-id", "bridge-1", "--identity", "/etc/taihang/bridge");
        assertThat(o).isEqualTo(new BridgeOptions("0.0.0.0", 0, 0, new BrokerAddress("emqx", 1883, false), Path.of("/var/lib/bridge"), "bridge", "bridge-1",
                Path.of("/etc/taihang/bridge")));
        assertThat(o.embeddedBroker()).isFalse();
    }

    @Test
    void badOptionsSayWhatToChange() {
        assertThatThrownBy(() -> parse("--http-port", "70000")).hasMessageContaining("0-65535");
        assertThatThrownBy(() -> parse("--broker", "emqx:1883")).hasMessageContaining("tcp://");
        assertThatThrownBy(() -> parse("--share-group", "a/b")).hasMessageContaining("share group");
        assertThatThrownBy(() -> parse("--client-id", " ")).hasMessageContaining("client id");
        assertThat(new CommandLine(new BridgeMain()).execute("--broker", "nonsense")).isEqualTo(2);
        assertThat(new CommandLine(new BridgeMain()).execute("--http-port", "x")).isEqualTo(2);
    }
}
