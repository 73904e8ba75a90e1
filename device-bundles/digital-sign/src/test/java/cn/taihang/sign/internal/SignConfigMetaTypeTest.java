package cn.taihang.sign.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link SignConfig} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class SignConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(SignConfig.class, SignConfig.PID)
                .given("device", "road-1")
                .alongside("transport", "tcpPort", 8000)
                .alongside("brightnessMax", "brightnessMin", 1)
                .assertCheckedBy((config, properties) -> SignSettings.from(config));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(SignConfig.PID);
    }
}
