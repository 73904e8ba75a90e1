package cn.taihang.validator.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link GateConfiguration} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class GateConfigurationMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(GateConfiguration.class, GateComponent.PID)
                .given(GateConfigs.scenicGate())
                .assertCheckedBy((config, properties) -> GateSettings.from(config, properties));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(GateComponent.PID);
    }
}
