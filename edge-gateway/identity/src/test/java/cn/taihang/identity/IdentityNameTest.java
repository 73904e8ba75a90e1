package cn.taihang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class IdentityNameTest {

    @Test
    void namesRoundTripThroughTheirUri() {
        for (IdentityName name : new IdentityName[] {IdentityName.gateway("gw-post-3", "post-zheshui-3"), IdentityName.bridge("bridge-1"),
                IdentityName.broker("mqtt-a")}) {
            assertThat(IdentityName.fromUri(name.uri())).isEqualTo(name);
        }
        assertThat(IdentityName.gateway("gw-1", "hub-east").uri()).isEqualTo("urn:taihang:gateway:hub-east:gw-1");
        assertThat(IdentityName.bridge("b-2").uri()).isEqualTo("urn:taihang:bridge:b-2");
        assertThat(IdentityName.gateway("gw-1", "hub-east")).hasToString("gateway gw-1 at site hub-east");
    }

    @Test
    void idsFollowTheWireFormatRules() {
        assertThatThrownBy(() -> IdentityName.gateway("GW-1", "s")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway id");
        assertThatThrownBy(() -> IdentityName.gateway("gw-1", "fleet")).hasMessageContaining("'bridge' or 'fleet'");
        assertThatThrownBy(() -> IdentityName.gateway("gw-1", null)).hasMessageContaining("site id");
        assertThatThrownBy(() -> IdentityName.bridge("a".repeat(65))).hasMessageContaining("1-64");
        assertThatThrownBy(() -> IdentityName.bridge("-x")).hasMessageContaining("starting with a letter or digit");
        assertThatThrownBy(() -> new IdentityName(Kind.BRIDGE, "b", "s")).hasMessageContaining("only gateways have a site");
    }

    @Test
    void malformedUrisAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> IdentityName.fromUri("urn:other:gateway:s:g")).hasMessageContaining("must start with urn:taihang:");
        assertThatThrownBy(() -> IdentityName.fromUri("urn:taihang:robot:x")).hasMessageContaining("unknown identity kind 'robot'");
        assertThatThrownBy(() -> IdentityName.fromUri("urn:taihang:gateway:gw-1")).hasMessageContaining("urn:taihang:gateway:<site>:<id>");
        assertThatThrownBy(() -> IdentityName.fromUri("urn:taihang:bridge:a:b")).hasMessageContaining("urn:taihang:bridge:<id>");
        assertThatThrownBy(() -> IdentityName.fromUri("urn:taihang:gateway:s:Bad")).hasMessageContaining("gateway id");
        assertThatThrownBy(() -> IdentityName.fromUri(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
