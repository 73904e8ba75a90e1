package cn.taihang.testkit.metatype;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MetaTypeChecksTest {

    /** The settings code of a lane, checking exactly the declared ranges. */
    private static void exact(LaneConfig c) {
        if (c.device() == null || c.intervalSeconds() < 1 || c.intervalSeconds() > 3600 || c.spacingMeters() < 0.5) {
            throw new IllegalArgumentException("out of range");
        }
        for (int pin : c.pins()) {
            if (pin < 0) {
                throw new IllegalArgumentException("pin " + pin);
            }
        }
        c.pull();
    }

    @Test
    void settingsThatCheckExactlyTheDeclaredRangesPass() {
        assertThatCode(() -> MetaTypeRanges.of(LaneConfig.class, "test.lane").given("device", "l1").assertCheckedBy((c, p) -> exact(c)))
                .doesNotThrowAnyException();
    }

    @Test
    void everyDriftIsReportedAtOnce() {
        assertThatThrownBy(() -> MetaTypeRanges.of(LaneConfig.class, "test.lane").given("device", "l1").assertCheckedBy((c, p) -> {
            if (c.intervalSeconds() < 5 || c.intervalSeconds() > 3600 || !(c.spacingMeters() > 0) || c.pins().length > 2) {
                throw new IllegalArgumentException("out of range");
            }
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("intervalSeconds = 1: MetaType min 1, but the settings refuse it")
                .hasMessageContaining("spacingMeters = 0.49999999999999994: MetaType min 0.5, so 0.49999999999999994 is out of range, but the settings accept it")
                .hasMessageContaining("pins = -1: MetaType min 0, so -1 is out of range, but the settings accept it")
                .hasMessageContaining("pull = NOT-AN-OPTION: a value outside the options, but the settings accept it")
                .hasMessageNotContaining("intervalSeconds = 3600").hasMessageNotContaining("pins = 2147483647");
    }

    @Test
    void aSideWithoutABoundMustTakeTheExtremeAndRulesBetweenAttributesCanBeGiven() {
        assertThatThrownBy(() -> MetaTypeRanges.of(LaneConfig.class, "test.lane").given("device", "l1").assertCheckedBy((c, p) -> {
            exact(c);
            if (c.spacingMeters() > 100) {
                throw new IllegalArgumentException("too far");
            }
        })).hasMessageContaining("spacingMeters = 1.7976931348623157E308: no max is declared, so the settings must take 1.7976931348623157E308");
    }

    @Test
    void theDefaultsMustBeValid() {
        assertThatThrownBy(() -> MetaTypeRanges.of(LaneConfig.class, "test.lane").assertCheckedBy((c, p) -> exact(c)))
                .hasMessageContaining("the defaults with {} are refused");
    }

    @Test
    void textsMustBeKeysThatResolveInEnglishAndChinese() {
        assertThatThrownBy(() -> MetaTypeTexts.assertLocalized("test.lane")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("'untranslated' is not a %key")
                .hasMessageContaining("lane.pull.none in OSGI-INF/l10n/bundle_zh.properties is not Chinese")
                .hasMessageContaining("lane.password.name has no Chinese text")
                .hasMessageNotContaining("lane.interval.name");
    }
}
