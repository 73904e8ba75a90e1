package cn.taihang.roadsensors.internal;

import cn.taihang.testkit.metatype.MetaTypeRanges;
import cn.taihang.testkit.metatype.MetaTypeTexts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ranges the configuration form offers for {@link ThresholdsConfig} are the ones its settings code takes, and its texts
 * read in English and Chinese.
 */
@Tag("unit")
class ThresholdsConfigMetaTypeTest {

    @Test
    void rangesAreTheSettingsOwnChecks() {
        MetaTypeRanges.of(ThresholdsConfig.class, ThresholdsConfig.PID)
                .alongside("fogRaiseMeters", "fogClearMeters", ThresholdsConfig.FOG_CLEAR_MAX)
                .alongside("iceRaiseAboveState", "iceClearState", ThresholdsConfig.ICE_CLEAR_MIN)
                .alongside("windRaiseMps", "windClearMps", ThresholdsConfig.WIND_CLEAR_MIN)
                .alongside("heavyRainRaiseMmPerHour", "heavyRainClearMmPerHour", ThresholdsConfig.RAIN_CLEAR_MIN)
                .alongside("pm25Raise", "pm25Clear", ThresholdsConfig.PM25_CLEAR_MIN)
                .alongside("pm10Raise", "pm10Clear", ThresholdsConfig.PM10_CLEAR_MIN)
                .alongside("parkingFullRaisePercent", "parkingFullClearPercent", ThresholdsConfig.PARKING_CLEAR_MIN)
                .alongside("crowdingRaisePerMinute", "crowdingClearPerMinute", ThresholdsConfig.CROWDING_CLEAR_MIN)
                .alongside("fogClearMeters", "fogRaiseMeters", ThresholdsConfig.FOG_RAISE_MIN)
                .alongside("iceClearState", "iceRaiseAboveState", ThresholdsConfig.ICE_RAISE_MAX)
                .alongside("windClearMps", "windRaiseMps", ThresholdsConfig.WIND_RAISE_MAX)
                .alongside("heavyRainClearMmPerHour", "heavyRainRaiseMmPerHour", ThresholdsConfig.RAIN_RAISE_MAX)
                .alongside("pm25Clear", "pm25Raise", ThresholdsConfig.PM25_RAISE_MAX)
                .alongside("pm10Clear", "pm10Raise", ThresholdsConfig.PM10_RAISE_MAX)
                .alongside("parkingFullClearPercent", "parkingFullRaisePercent", ThresholdsConfig.PARKING_RAISE_MAX)
                .alongside("crowdingClearPerMinute", "crowdingRaisePerMinute", ThresholdsConfig.CROWDING_RAISE_MAX)
                .assertCheckedBy((config, properties) -> new SensorBook(AlarmCatalogue.rules(config), config.offlineAfterMissedReports(),
                        java.time.Duration.ofSeconds(config.defaultReportSeconds()), "post-zw-1"));
    }

    @Test
    void textsResolveInEnglishAndChinese() {
        MetaTypeTexts.assertLocalized(ThresholdsConfig.PID);
    }
}
