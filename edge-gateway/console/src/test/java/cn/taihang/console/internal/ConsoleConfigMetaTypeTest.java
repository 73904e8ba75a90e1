package cn.taihang.console.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ranges the configuration form offers for {@link ConsoleConfig} are the ones its settings code takes. */
@Tag("unit")
class ConsoleConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(ConsoleConfig.class, ConsoleConfig.PID)
                .assertCheckedBy((config, properties) -> ConsoleComponent.check(config));
    }
}
