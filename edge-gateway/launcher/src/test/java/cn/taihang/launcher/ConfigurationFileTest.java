package cn.taihang.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class ConfigurationFileTest {

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("gateway.json"), json);
    }

    @Test
    void readsSingletonAndFactoryConfigurationsWithTypes() throws Exception {
        ConfigurationFile file = ConfigurationFile.read(write("""
                {
                  ":configurator:resource-version": 1,
                  "cn.taihang.gateway": {"gatewayId": "gw-zheshui-1", "site": "zheshui", "siteName": "浙水 Zheshui"},
                  "cn.taihang.counter.lane~l1": {"device": "post-zw-01-l1", "loopAPin": 17, "loopBPin:Integer": 27,
                     "loopSpacingMeters": 4.5, "classBoundariesMeters": [2.5, 5.6, 9, 13], "activeHigh": true,
                     "tags": ["a", "b"]}
                }
                """));
        assertThat(file.configurations()).hasSize(2);
        PidConfiguration lane = file.configurations().get(1);
        assertThat(lane.isFactory()).isTrue();
        assertThat(lane.pid()).isEqualTo("cn.taihang.counter.lane");
        assertThat(lane.name()).isEqualTo("l1");
        assertThat(lane.properties().get("loopAPin")).isEqualTo(17L);
        assertThat(lane.properties().get("loopBPin")).isEqualTo(27);
        assertThat(lane.properties().get("loopSpacingMeters")).isEqualTo(4.5);
        assertThat((Double[]) lane.properties().get("classBoundariesMeters")).containsExactly(2.5, 5.6, 9.0, 13.0);
        assertThat((String[]) lane.properties().get("tags")).containsExactly("a", "b");
        assertThat(file.value("cn.taihang.gateway", "siteName")).isEqualTo("浙水 Zheshui");
        assertThat(file.sha256()).hasSize(64);
    }

    @Test
    void pointsAtTheLineOfBrokenJson() throws Exception {
        Path file = write("{\n  \"cn.taihang.gateway\": {\"gatewayId\": }\n}");
        assertThatThrownBy(() -> ConfigurationFile.read(file)).isInstanceOf(ConfigurationFileException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void refusesWhatConfigurationAdminCannotHold() throws Exception {
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"cn.taihang.x\": {\"nested\": {\"a\": 1}}}")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("cn.taihang.x/nested");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"cn.taihang.x\": {\"mixed\": [1, \"a\"]}}")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("mixes types");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"cn.taihang.x\": {\"pin:Integer\": 3000000000}}")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"cn.taihang.x\": {\"pin:Widget\": 3}}")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("unknown type");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"not a pid\": {}}")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("not a PID");
        assertThatThrownBy(() -> ConfigurationFile.read(write("[1, 2]")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("one JSON object");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\":configurator:resource-version\": 2}")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("resource-version");
        assertThatThrownBy(() -> ConfigurationFile.read(dir.resolve("missing.json")))
                .isInstanceOf(ConfigurationFileException.class).hasMessageContaining("--config");
    }
}
