package cn.taihang.gateway.core.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link IdentityConfig} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class IdentityConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(IdentityConfig.class, IdentityConfig.PID)
                .given("gatewayId", "gw-hsr-east-1", "site", "jincheng-hsr-east")
                .assertCheckedBy((config, properties) -> new GatewayIdentityComponent(config));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(IdentityConfig.PID);
    }
}
