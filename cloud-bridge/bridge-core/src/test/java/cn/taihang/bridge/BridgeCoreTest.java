package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BridgeCoreTest {

    @Test
    void subscribesToBirthsDeathsAndDataOptionallyInAShareGroupButEveryInstanceSeesEveryBirth() {
        assertThat(BridgeCore.filters("bridge")).containsExactly("taihang/v1/+/+/birth", "$share/bridge/taihang/v1/+/+/death",
                "$share/bridge/taihang/v1/+/+/data");
        assertThat(BridgeCore.filters(null)).containsExactly("taihang/v1/+/+/birth", "taihang/v1/+/+/death", "taihang/v1/+/+/data");
    }
}
