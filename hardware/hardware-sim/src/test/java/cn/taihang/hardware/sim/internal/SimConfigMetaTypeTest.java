package cn.taihang.hardware.sim.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link SimConfig} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class SimConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(SimConfig.class, SimConfig.PID)
                .given("harnessPort", 4000, "nodeId", "gw-1")
                .assertCheckedBy((config, properties) -> SimHardware.check(config));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(SimConfig.PID);
    }
}
