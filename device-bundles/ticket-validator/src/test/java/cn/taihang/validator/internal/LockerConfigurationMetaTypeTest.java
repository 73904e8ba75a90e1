package cn.taihang.validator.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link LockerConfiguration} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class LockerConfigurationMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(LockerConfiguration.class, LockerComponent.PID)
                .given(LockerComponentTest.lockerConfig("car-001"))
                .assertCheckedBy((config, properties) -> LockerSettings.from(config, properties));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(LockerComponent.PID);
    }
}
