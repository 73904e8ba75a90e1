package cn.taihang.store.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link StoreConfig} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class StoreConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(StoreConfig.class, StoreConfig.PID)
                .assertCheckedBy((config, properties) -> StoreSettings.from(config, java.nio.file.Path.of("/var/lib/taihang")));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(StoreConfig.PID);
    }
}
