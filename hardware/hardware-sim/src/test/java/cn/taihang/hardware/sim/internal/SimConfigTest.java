package cn.taihang.hardware.sim.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.testkit.config.Configs;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SimConfigTest {

    private static SimHardware activate(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(Map.of("harnessPort", 1, "nodeId", "gw-1"));
        properties.putAll(overrides);
        return new SimHardware(Configs.of(SimConfig.class, properties));
    }

    @Test
    void refusesToActivateWithoutItsRequiredSettings() {
        assertThatThrownBy(() -> new SimHardware(Configs.of(SimConfig.class, Map.of("nodeId", "gw-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("harnessPort");
        assertThatThrownBy(() -> new SimHardware(Configs.of(SimConfig.class, Map.of("harnessPort", 4000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodeId");
    }

    @Test
    void refusesMalformedSettings() {
        assertThatThrownBy(() -> activate(Map.of("harnessPort", 70_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> activate(Map.of("nodeId", "GW 1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodeId");
        assertThatThrownBy(() -> activate(Map.of("board", "raspberry-pi-9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raspberry-pi-9");
        assertThatThrownBy(() -> activate(Map.of("harnessHost", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("harnessHost");
    }
}
