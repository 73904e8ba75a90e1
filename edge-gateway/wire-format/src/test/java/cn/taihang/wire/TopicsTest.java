package cn.taihang.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TopicsTest {

    @Test
    void buildsAndParsesGatewayTopics() throws Exception {
        assertThat(Topics.data("jincheng-hsr-east", "gw-1")).isEqualTo("taihang/v1/jincheng-hsr-east/gw-1/data");
        assertThat(Topics.parse(Topics.birth("s", "g"))).isEqualTo(new Topics.Address("s", "g", Topics.Kind.BIRTH, null));
        assertThat(Topics.parse(Topics.command("s", "g", "rebirth"))).isEqualTo(new Topics.Address("s", "g", Topics.Kind.CMD, "rebirth"));
        assertThat(Topics.allGateways(Topics.Kind.DATA)).isEqualTo("taihang/v1/+/+/data");
    }

    @Test
    void refusesTopicsOutsideTheNamespace() {
        for (String bad : new String[] {"other/v1/s/g/data", "taihang/v1/s/g", "taihang/v1/S/g/data", "taihang/v1/s/g/unknown", "taihang/v1/s/g/cmd/", "taihang/v1/s/g/data/extra"}) {
            assertThatThrownBy(() -> Topics.parse(bad)).as(bad).isInstanceOf(WireFormatException.class);
        }
        assertThatThrownBy(() -> Topics.data("Bad Site", "g")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheStateOfEachBridgeInstanceAndStillKnowsTheLegacyOne() {
        assertThat(Topics.bridgeState("bridge-a")).isEqualTo("taihang/v1/bridge/state/bridge-a");
        assertThat(Topics.bridgeInstanceOf(Topics.bridgeState("bridge-a"))).isEqualTo("bridge-a");
        assertThat(Topics.bridgeInstanceOf(Topics.BRIDGE_STATE)).isEmpty();
        assertThat(Topics.bridgeInstanceOf("taihang/v1/bridge/state/Bad")).isNull();
        assertThat(Topics.bridgeInstanceOf(Topics.ack("s", "g"))).isNull();
        assertThat(Topics.bridgeStateFilter()).isEqualTo("taihang/v1/bridge/state/+");
        assertThatThrownBy(() -> Topics.bridgeState("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
