package cn.taihang.coap.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link ObserveConfig} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class ObserveConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(ObserveConfig.class, ObserveConfig.PID)
                .given("sensor", "vis-zw-1", "uri", "coaps://127.0.0.1:5684/v")
                .assertCheckedBy((config, properties) -> new ObserveTarget(config, properties));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(ObserveConfig.PID);
    }
}
