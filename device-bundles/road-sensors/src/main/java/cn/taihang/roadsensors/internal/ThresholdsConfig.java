package cn.taihang.roadsensors.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Alarm thresholds with hysteresis per sensor kind, and offline detection (PID {@value #PID}). An alarm
 * rises past its raise level and clears back past its clear level. The defaults here are the only defaults.
 */
@ObjectClassDefinition(id = ThresholdsConfig.PID, name = "路侧传感器告警阈值 / Road sensor alarm thresholds",
        description = "Thresholds with hysteresis: an alarm rises past 'raise' and clears only after 'clear after readings' readings "
                + "back past 'clear'. Fog, ice, wind and heavy rain are critical; air quality, parking, crowding and offline are warnings.")
public @interface ThresholdsConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.roadsensors";

    @AttributeDefinition(name = "Fog: raise below (m) / 大雾告警能见度", min = "0", description = "Visibility below which fog is raised")
    double fogRaiseMeters() default 200;

    @AttributeDefinition(name = "Fog: clear at (m) / 大雾解除能见度", min = "0", description = "Visibility at or above which fog clears")
    double fogClearMeters() default 300;

    @AttributeDefinition(name = "Ice: raise above state / 结冰告警路面状态", min = "0", max = "6",
            description = "Road surface code above which ice is raised (0 dry, 1 moist, 2 wet, 3 slush, 4 snow, 5 frost, 6 ice)")
    double iceRaiseAboveState() default 3;

    @AttributeDefinition(name = "Ice: clear at or below state / 结冰解除路面状态", min = "0", max = "6",
            description = "Road surface code at or below which ice clears")
    double iceClearState() default 2;

    @AttributeDefinition(name = "Wind: raise above (m/s) / 大风告警风速", min = "0", description = "17.2 m/s = Beaufort 8, gale")
    double windRaiseMps() default 17.2;

    @AttributeDefinition(name = "Wind: clear at (m/s) / 大风解除风速", min = "0", description = "13.9 m/s = Beaufort 7")
    double windClearMps() default 13.9;

    @AttributeDefinition(name = "Heavy rain: raise above (mm/h) / 强降雨告警", min = "0", description = "Short-duration heavy rain")
    double heavyRainRaiseMmPerHour() default 20;

    @AttributeDefinition(name = "Heavy rain: clear at (mm/h) / 强降雨解除", min = "0")
    double heavyRainClearMmPerHour() default 10;

    @AttributeDefinition(name = "Air quality: PM2.5 raise above (µg/m³) / PM2.5 告警", min = "0", description = "150 µg/m³: heavily polluted (GB 3095 AQI)")
    double pm25Raise() default 150;

    @AttributeDefinition(name = "Air quality: PM2.5 clear at (µg/m³) / PM2.5 解除", min = "0")
    double pm25Clear() default 115;

    @AttributeDefinition(name = "Air quality: PM10 raise above (µg/m³) / PM10 告警", min = "0", description = "350 µg/m³: heavily polluted")
    double pm10Raise() default 350;

    @AttributeDefinition(name = "Air quality: PM10 clear at (µg/m³) / PM10 解除", min = "0")
    double pm10Clear() default 250;

    @AttributeDefinition(name = "Parking full: raise above (%) / 停车场满告警", min = "0", max = "100")
    double parkingFullRaisePercent() default 95;

    @AttributeDefinition(name = "Parking full: clear at (%) / 停车场满解除", min = "0", max = "100")
    double parkingFullClearPercent() default 85;

    @AttributeDefinition(name = "Crowding: raise above (people/min) / 人流拥挤告警", min = "0", description = "People through a scenic gate per minute")
    double crowdingRaisePerMinute() default 120;

    @AttributeDefinition(name = "Crowding: clear at (people/min) / 人流拥挤解除", min = "0")
    double crowdingClearPerMinute() default 80;

    @AttributeDefinition(name = "Clear after readings / 连续解除读数", min = "1", max = "100",
            description = "Readings in a row past the clear level before an alarm clears")
    int clearAfterReadings() default 2;

    @AttributeDefinition(name = "Disabled alarms / 停用告警", required = false,
            description = "Alarm kinds not raised on this gateway: fog, ice, wind, heavy-rain, air-quality, parking-full, crowding, sensor-offline")
    String[] disabledAlarms() default {};

    @AttributeDefinition(name = "Offline after missed reports / 离线判定漏报次数", min = "1", max = "100",
            description = "A sensor silent for this many report periods raises sensor-offline")
    int offlineAfterMissedReports() default 3;

    @AttributeDefinition(name = "Default report period (s) / 默认上报周期", min = "1",
            description = "Report period of sensors without a configuration of their own")
    int defaultReportSeconds() default 60;
}
