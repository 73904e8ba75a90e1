package cn.taihang.counter.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link LaneConfiguration} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class LaneConfigurationMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(LaneConfiguration.class, LaneCounterComponent.PID)
                .given("device", "post-zw-03-l1", "loopAPin", 5)
                .alongside("intervalSeconds", "graceSeconds", 0)
                .alongside("graceSeconds", "intervalSeconds", 3600)
                .assertCheckedBy((config, properties) -> LaneSettings.toLaneConfig(config, properties));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(LaneCounterComponent.PID);
    }
}
