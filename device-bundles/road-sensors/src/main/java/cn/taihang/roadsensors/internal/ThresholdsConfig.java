package cn.taihang.roadsensors.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Alarm thresholds with hysteresis per sensor kind, and offline detection (PID {@value #PID}). An alarm
 * rises past its raise level and clears back past its clear level. The defaults here are the only defaults.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = ThresholdsConfig.PID, name = "%thresholds.name",
        description = "%thresholds.description")
public @interface ThresholdsConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.roadsensors";

    /** Lowest raise level, visibility, m. */
    double FOG_RAISE_MIN = 0;
    /** Highest raise level, visibility, m. */
    double FOG_RAISE_MAX = 10_000;

    @AttributeDefinition(max = "" + FOG_RAISE_MAX, name = "%thresholds.fogRaiseMeters.name", min = "" + FOG_RAISE_MIN, description = "%thresholds.fogRaiseMeters.description")
    double fogRaiseMeters() default 200;

    /** Lowest clear level, visibility, m. */
    double FOG_CLEAR_MIN = 1;
    /** Highest clear level, visibility, m. */
    double FOG_CLEAR_MAX = 20_000;

    @AttributeDefinition(max = "" + FOG_CLEAR_MAX, name = "%thresholds.fogClearMeters.name", min = "" + FOG_CLEAR_MIN, description = "%thresholds.fogClearMeters.description")
    double fogClearMeters() default 300;

    /** Lowest raise level, road surface code. */
    double ICE_RAISE_MIN = 1;
    /** Highest raise level, road surface code. */
    double ICE_RAISE_MAX = 6;

    @AttributeDefinition(name = "%thresholds.iceRaiseAboveState.name", min = "" + ICE_RAISE_MIN, max = "" + ICE_RAISE_MAX,
            description = "%thresholds.iceRaiseAboveState.description")
    double iceRaiseAboveState() default 3;

    /** Lowest clear level, road surface code. */
    double ICE_CLEAR_MIN = 0;
    /** Highest clear level, road surface code. */
    double ICE_CLEAR_MAX = 5;

    @AttributeDefinition(name = "%thresholds.iceClearState.name", min = "" + ICE_CLEAR_MIN, max = "" + ICE_CLEAR_MAX,
            description = "%thresholds.iceClearState.description")
    double iceClearState() default 2;

    /** Lowest raise level, wind speed, m/s. */
    double WIND_RAISE_MIN = 1;
    /** Highest raise level, wind speed, m/s. */
    double WIND_RAISE_MAX = 75;

    @AttributeDefinition(max = "" + WIND_RAISE_MAX, name = "%thresholds.windRaiseMps.name", min = "" + WIND_RAISE_MIN, description = "%thresholds.windRaiseMps.description")
    double windRaiseMps() default 17.2;

    /** Lowest clear level, wind speed, m/s. */
    double WIND_CLEAR_MIN = 0;
    /** Highest clear level, wind speed, m/s. */
    double WIND_CLEAR_MAX = 74;

    @AttributeDefinition(max = "" + WIND_CLEAR_MAX, name = "%thresholds.windClearMps.name", min = "" + WIND_CLEAR_MIN, description = "%thresholds.windClearMps.description")
    double windClearMps() default 13.9;

    /** Lowest raise level, rain rate, mm/h. */
    double RAIN_RAISE_MIN = 1;
    /** Highest raise level, rain rate, mm/h. */
    double RAIN_RAISE_MAX = 500;

    @AttributeDefinition(max = "" + RAIN_RAISE_MAX, name = "%thresholds.heavyRainRaiseMmPerHour.name", min = "" + RAIN_RAISE_MIN, description = "%thresholds.heavyRainRaiseMmPerHour.description")
    double heavyRainRaiseMmPerHour() default 20;

    /** Lowest clear level, rain rate, mm/h. */
    double RAIN_CLEAR_MIN = 0;
    /** Highest clear level, rain rate, mm/h. */
    double RAIN_CLEAR_MAX = 499;

    @AttributeDefinition(max = "" + RAIN_CLEAR_MAX, name = "%thresholds.heavyRainClearMmPerHour.name", min = "" + RAIN_CLEAR_MIN)
    double heavyRainClearMmPerHour() default 10;

    /** Lowest raise level, PM2.5, µg/m³. */
    double PM25_RAISE_MIN = 1;
    /** Highest raise level, PM2.5, µg/m³. */
    double PM25_RAISE_MAX = 1000;

    @AttributeDefinition(max = "" + PM25_RAISE_MAX, name = "%thresholds.pm25Raise.name", min = "" + PM25_RAISE_MIN, description = "%thresholds.pm25Raise.description")
    double pm25Raise() default 150;

    /** Lowest clear level, PM2.5, µg/m³. */
    double PM25_CLEAR_MIN = 0;
    /** Highest clear level, PM2.5, µg/m³. */
    double PM25_CLEAR_MAX = 999;

    @AttributeDefinition(max = "" + PM25_CLEAR_MAX, name = "%thresholds.pm25Clear.name", min = "" + PM25_CLEAR_MIN)
    double pm25Clear() default 115;

    /** Lowest raise level, PM10, µg/m³. */
    double PM10_RAISE_MIN = 1;
    /** Highest raise level, PM10, µg/m³. */
    double PM10_RAISE_MAX = 2000;

    @AttributeDefinition(max = "" + PM10_RAISE_MAX, name = "%thresholds.pm10Raise.name", min = "" + PM10_RAISE_MIN, description = "%thresholds.pm10Raise.description")
    double pm10Raise() default 350;

    /** Lowest clear level, PM10, µg/m³. */
    double PM10_CLEAR_MIN = 0;
    /** Highest clear level, PM10, µg/m³. */
    double PM10_CLEAR_MAX = 1999;

    @AttributeDefinition(max = "" + PM10_CLEAR_MAX, name = "%thresholds.pm10Clear.name", min = "" + PM10_CLEAR_MIN)
    double pm10Clear() default 250;

    /** Lowest raise level, parking occupancy, %. */
    double PARKING_RAISE_MIN = 1;
    /** Highest raise level, parking occupancy, %. */
    double PARKING_RAISE_MAX = 100;

    @AttributeDefinition(name = "%thresholds.parkingFullRaisePercent.name", min = "" + PARKING_RAISE_MIN, max = "" + PARKING_RAISE_MAX)
    double parkingFullRaisePercent() default 95;

    /** Lowest clear level, parking occupancy, %. */
    double PARKING_CLEAR_MIN = 0;
    /** Highest clear level, parking occupancy, %. */
    double PARKING_CLEAR_MAX = 99;

    @AttributeDefinition(name = "%thresholds.parkingFullClearPercent.name", min = "" + PARKING_CLEAR_MIN, max = "" + PARKING_CLEAR_MAX)
    double parkingFullClearPercent() default 85;

    /** Lowest raise level, people per minute. */
    double CROWDING_RAISE_MIN = 1;
    /** Highest raise level, people per minute. */
    double CROWDING_RAISE_MAX = 10_000;

    @AttributeDefinition(max = "" + CROWDING_RAISE_MAX, name = "%thresholds.crowdingRaisePerMinute.name", min = "" + CROWDING_RAISE_MIN, description = "%thresholds.crowdingRaisePerMinute.description")
    double crowdingRaisePerMinute() default 120;

    /** Lowest clear level, people per minute. */
    double CROWDING_CLEAR_MIN = 0;
    /** Highest clear level, people per minute. */
    double CROWDING_CLEAR_MAX = 9999;

    @AttributeDefinition(max = "" + CROWDING_CLEAR_MAX, name = "%thresholds.crowdingClearPerMinute.name", min = "" + CROWDING_CLEAR_MIN)
    double crowdingClearPerMinute() default 80;

    /** Fewest readings before a clear. */
    int CLEAR_AFTER_READINGS_MIN = 1;
    /** Most readings before a clear. */
    int CLEAR_AFTER_READINGS_MAX = 100;

    @AttributeDefinition(name = "%thresholds.clearAfterReadings.name", min = "" + CLEAR_AFTER_READINGS_MIN, max = "" + CLEAR_AFTER_READINGS_MAX,
            description = "%thresholds.clearAfterReadings.description")
    int clearAfterReadings() default 2;

    @AttributeDefinition(name = "%thresholds.disabledAlarms.name", required = false,
            description = "%thresholds.disabledAlarms.description")
    String[] disabledAlarms() default {};

    /** Fewest missed reports before offline. */
    int OFFLINE_AFTER_MISSED_MIN = 1;
    /** Most missed reports before offline. */
    int OFFLINE_AFTER_MISSED_MAX = 100;

    @AttributeDefinition(name = "%thresholds.offlineAfterMissedReports.name", min = "" + OFFLINE_AFTER_MISSED_MIN, max = "" + OFFLINE_AFTER_MISSED_MAX,
            description = "%thresholds.offlineAfterMissedReports.description")
    int offlineAfterMissedReports() default 3;

    /** Shortest report period, s. */
    int REPORT_SECONDS_MIN = 1;

    @AttributeDefinition(name = "%thresholds.defaultReportSeconds.name", min = "" + REPORT_SECONDS_MIN,
            description = "%thresholds.defaultReportSeconds.description")
    int defaultReportSeconds() default 60;
}
