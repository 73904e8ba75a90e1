package cn.taihang.remoteconfig.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.testkit.config.Configs;
import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ranges MetaType offers for {@link RemoteConfigConfig} are the ones its settings take, and its texts read in English and Chinese. */
@Tag("unit")
class RemoteConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(RemoteConfigConfig.class, RemoteConfigConfig.PID).assertCheckedBy((config, properties) -> RemoteConfigSettings.from(config));
    }

    @Test
    void itsOwnPidIsAlwaysProtected() {
        RemoteConfigSettings settings = RemoteConfigSettings.from(Configs.of(RemoteConfigConfig.class));
        assertThat(settings.protectedPids()).contains(RemoteConfigConfig.PID, "cn.taihang.gateway", "cn.taihang.updater");
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(RemoteConfigConfig.PID);
    }
}
