package cn.taihang.gateway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clock counts as synchronised while systemd-timesyncd's flag file exists, or as configured. */
@Tag("unit")
class ClockStatusComponentTest {

    @TempDir
    Path dir;

    private static ClockConfig config(Map<String, Object> values) {
        return (ClockConfig) Proxy.newProxyInstance(ClockConfig.class.getClassLoader(), new Class<?>[] {ClockConfig.class},
                (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    @Test
    void theFlagFileDecidesAndIsReadEachTime() throws Exception {
        Path flag = dir.resolve("synchronized");
        ClockStatusComponent status = new ClockStatusComponent(config(Map.of("syncFile", flag.toString())));
        assertThat(status.synchronised()).isFalse();
        Files.createFile(flag);
        assertThat(status.synchronised()).isTrue();
    }

    @Test
    void fixedSourcesAndABadOneAreRefusedClearly() {
        assertThat(new ClockStatusComponent(config(Map.of("source", ClockConfig.SOURCE_ALWAYS))).synchronised()).isTrue();
        assertThat(new ClockStatusComponent(config(Map.of("source", ClockConfig.SOURCE_NEVER))).synchronised()).isFalse();
        assertThatThrownBy(() -> new ClockStatusComponent(config(Map.of("source", "ntp"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cn.taihang.clock/source");
    }

    @Test
    void rangesAreTheComponentsOwnChecks() {
        MetaTypeRanges.of(ClockConfig.class, ClockConfig.PID).assertCheckedBy((config, properties) -> new ClockStatusComponent(config));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(ClockConfig.PID);
    }
}
