package cn.taihang.cloudlink.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link CloudLinkConfig} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class CloudLinkConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(CloudLinkConfig.class, CloudLinkConfig.PID)
                .given("brokerUrl", "tcp://127.0.0.1:1883")
                .alongside("backoffInitialMillis", "backoffMaxMillis", Long.MAX_VALUE)
                .alongside("backoffMaxMillis", "backoffInitialMillis", CloudLinkConfig.BACKOFF_INITIAL_MILLIS_MIN)
                .assertCheckedBy((config, properties) -> {
                    LinkSettings.from(config);
                    CloudLinkComponent.commandClockSkewMillis(config);
                });
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(CloudLinkConfig.PID);
    }
}
