package cn.taihang.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.gateway.api.Priority;
import cn.taihang.testkit.config.Configs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Settings come from the MetaType defaults and resolve the file against the data directory. */
@Tag("unit")
class StoreSettingsTest {

    private static StoreConfig config(Map<String, Object> overrides) {
        return Configs.of(StoreConfig.class, overrides);
    }

    @Test
    void defaultsAreTheMetatypeDefaults() {
        StoreSettings s = StoreSettings.defaults(Path.of("/var/lib/taihang/store.db"));
        assertThat(s.file()).isEqualTo(Path.of("/var/lib/taihang/store.db"));
        assertThat(s.quotaBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(s.maxFileBytes()).isZero();
        assertThat(s.ttl()).containsEntry(Priority.CRITICAL, Duration.ZERO).containsEntry(Priority.HIGH, Duration.ofHours(168))
                .containsEntry(Priority.NORMAL, Duration.ofHours(168)).containsEntry(Priority.BULK, Duration.ofHours(24));
        assertThat(s.maxBatchCommit()).isEqualTo(1000);
        assertThat(s.maxBodyBytes()).isEqualTo(8192);
        assertThat(s.minFreeDiskBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(s.alarmReserveBytes()).isEqualTo(4L * 1024 * 1024);
    }

    @Test
    void aRelativeFileIsResolvedAgainstTheDataDirectoryAndAnAbsoluteOneIsKept() {
        Path data = Path.of("/srv/gw/data");
        assertThat(StoreSettings.from(config(Map.of()), data).file()).isEqualTo(data.resolve("store.db"));
        assertThat(StoreSettings.from(config(Map.of("file", "sub/s.db")), data).file()).isEqualTo(data.resolve("sub/s.db"));
        assertThat(StoreSettings.from(config(Map.of("file", "/mnt/usb/s.db")), data).file()).isEqualTo(Path.of("/mnt/usb/s.db"));
    }

    @Test
    void valuesOutOfRangeAreRejected() {
        Path data = Path.of("/srv/gw/data");
        assertThatThrownBy(() -> StoreSettings.from(config(Map.of("quotaBytes", 0L)), data)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreSettings.from(config(Map.of("maxBodyBytes", 100_000)), data)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreSettings.from(config(Map.of("ttlHoursBulk", -1)), data)).isInstanceOf(IllegalArgumentException.class);
    }
}
