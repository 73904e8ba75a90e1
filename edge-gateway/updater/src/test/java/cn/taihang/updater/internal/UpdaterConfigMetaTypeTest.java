package cn.taihang.updater.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ranges MetaType offers for {@link UpdaterConfig} are the ones its settings take, and its texts read in English and Chinese. */
@Tag("unit")
class UpdaterConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(UpdaterConfig.class, UpdaterConfig.PID).given("releaseServer", "http://127.0.0.1:8080")
                .assertCheckedBy((config, properties) -> UpdaterSettings.from(config));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(UpdaterConfig.PID);
    }
}
