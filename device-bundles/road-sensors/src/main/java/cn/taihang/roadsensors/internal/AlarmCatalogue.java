package cn.taihang.roadsensors.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.config.Ranges;
import cn.taihang.roadsensors.domain.AlarmChange;
import cn.taihang.roadsensors.domain.AlarmRule;
import cn.taihang.roadsensors.domain.AlarmRule.Direction;
import cn.taihang.roadsensors.domain.OfflineTracker;
import cn.taihang.roadsensors.domain.Reading;
import cn.taihang.roadsensors.domain.RoadSurface;
import cn.taihang.roadsensors.domain.SensorKind;
import cn.taihang.roadsensors.domain.SensorProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alarm kinds road sensors raise, their rules from the configuration, severities and bilingual
 * messages, and the details every alarm carries (sensor, site, section, km, measured value, thresholds).
 */
final class AlarmCatalogue {

    static final String FOG = "fog";
    static final String ICE = "ice";
    static final String WIND = "wind";
    static final String HEAVY_RAIN = "heavy-rain";
    static final String AIR_QUALITY = "air-quality";
    static final String PARKING_FULL = "parking-full";
    static final String CROWDING = "crowding";
    static final String SENSOR_OFFLINE = "sensor-offline";
    private static final Set<String> CRITICAL = Set.of(FOG, ICE, WIND, HEAVY_RAIN);

    private AlarmCatalogue() {
    }

    /**
     * @return the enabled rules
     * @throws IllegalArgumentException if a setting is outside its MetaType range or a pair of thresholds has no hysteresis
     */
    static List<AlarmRule> rules(ThresholdsConfig c) {
        Ranges.require("fogRaiseMeters", c.fogRaiseMeters(), ThresholdsConfig.FOG_RAISE_MIN, ThresholdsConfig.FOG_RAISE_MAX);
        Ranges.require("fogClearMeters", c.fogClearMeters(), ThresholdsConfig.FOG_CLEAR_MIN, ThresholdsConfig.FOG_CLEAR_MAX);
        Ranges.require("iceRaiseAboveState", c.iceRaiseAboveState(), ThresholdsConfig.ICE_RAISE_MIN, ThresholdsConfig.ICE_RAISE_MAX);
        Ranges.require("iceClearState", c.iceClearState(), ThresholdsConfig.ICE_CLEAR_MIN, ThresholdsConfig.ICE_CLEAR_MAX);
        Ranges.require("windRaiseMps", c.windRaiseMps(), ThresholdsConfig.WIND_RAISE_MIN, ThresholdsConfig.WIND_RAISE_MAX);
        Ranges.require("windClearMps", c.windClearMps(), ThresholdsConfig.WIND_CLEAR_MIN, ThresholdsConfig.WIND_CLEAR_MAX);
        Ranges.require("heavyRainRaiseMmPerHour", c.heavyRainRaiseMmPerHour(), ThresholdsConfig.RAIN_RAISE_MIN, ThresholdsConfig.RAIN_RAISE_MAX);
        Ranges.require("heavyRainClearMmPerHour", c.heavyRainClearMmPerHour(), ThresholdsConfig.RAIN_CLEAR_MIN, ThresholdsConfig.RAIN_CLEAR_MAX);
        Ranges.require("pm25Raise", c.pm25Raise(), ThresholdsConfig.PM25_RAISE_MIN, ThresholdsConfig.PM25_RAISE_MAX);
        Ranges.require("pm25Clear", c.pm25Clear(), ThresholdsConfig.PM25_CLEAR_MIN, ThresholdsConfig.PM25_CLEAR_MAX);
        Ranges.require("pm10Raise", c.pm10Raise(), ThresholdsConfig.PM10_RAISE_MIN, ThresholdsConfig.PM10_RAISE_MAX);
        Ranges.require("pm10Clear", c.pm10Clear(), ThresholdsConfig.PM10_CLEAR_MIN, ThresholdsConfig.PM10_CLEAR_MAX);
        Ranges.require("parkingFullRaisePercent", c.parkingFullRaisePercent(), ThresholdsConfig.PARKING_RAISE_MIN, ThresholdsConfig.PARKING_RAISE_MAX);
        Ranges.require("parkingFullClearPercent", c.parkingFullClearPercent(), ThresholdsConfig.PARKING_CLEAR_MIN, ThresholdsConfig.PARKING_CLEAR_MAX);
        Ranges.require("crowdingRaisePerMinute", c.crowdingRaisePerMinute(), ThresholdsConfig.CROWDING_RAISE_MIN, ThresholdsConfig.CROWDING_RAISE_MAX);
        Ranges.require("crowdingClearPerMinute", c.crowdingClearPerMinute(), ThresholdsConfig.CROWDING_CLEAR_MIN, ThresholdsConfig.CROWDING_CLEAR_MAX);
        Ranges.require("offlineAfterMissedReports", c.offlineAfterMissedReports(), ThresholdsConfig.OFFLINE_AFTER_MISSED_MIN,
                ThresholdsConfig.OFFLINE_AFTER_MISSED_MAX);
        Ranges.require("defaultReportSeconds", c.defaultReportSeconds(), ThresholdsConfig.REPORT_SECONDS_MIN, Integer.MAX_VALUE);
        int n = Ranges.require("clearAfterReadings", c.clearAfterReadings(), ThresholdsConfig.CLEAR_AFTER_READINGS_MIN, ThresholdsConfig.CLEAR_AFTER_READINGS_MAX);
        List<AlarmRule> all = List.of(
                new AlarmRule(FOG, SensorKind.VISIBILITY, Direction.BELOW, c.fogRaiseMeters(), c.fogClearMeters(), n),
                new AlarmRule(ICE, SensorKind.ROAD_SURFACE_STATE, Direction.ABOVE, c.iceRaiseAboveState(), c.iceClearState(), n),
                new AlarmRule(WIND, SensorKind.WIND_SPEED, Direction.ABOVE, c.windRaiseMps(), c.windClearMps(), n),
                new AlarmRule(HEAVY_RAIN, SensorKind.RAIN_RATE, Direction.ABOVE, c.heavyRainRaiseMmPerHour(), c.heavyRainClearMmPerHour(), n),
                new AlarmRule(AIR_QUALITY, SensorKind.PM2_5, Direction.ABOVE, c.pm25Raise(), c.pm25Clear(), n),
                new AlarmRule(AIR_QUALITY, SensorKind.PM10, Direction.ABOVE, c.pm10Raise(), c.pm10Clear(), n),
                new AlarmRule(PARKING_FULL, SensorKind.PARKING_OCCUPANCY, Direction.ABOVE, c.parkingFullRaisePercent(), c.parkingFullClearPercent(), n),
                new AlarmRule(CROWDING, SensorKind.PEDESTRIAN_FLOW, Direction.ABOVE, c.crowdingRaisePerMinute(), c.crowdingClearPerMinute(), n));
        Set<String> disabled = Set.of(c.disabledAlarms());
        return all.stream().filter(r -> !disabled.contains(r.alarmKind())).toList();
    }

    static AlarmSeverity severity(String alarmKind) {
        return CRITICAL.contains(alarmKind) ? AlarmSeverity.CRITICAL : AlarmSeverity.WARNING;
    }

    /** @return the alarm a raising change puts up */
    static Alarm raised(AlarmChange change, SensorProfile profile, Instant now) {
        Reading r = change.reading();
        AlarmRule rule = change.rule();
        Map<String, Object> details = place(profile);
        details.put("kind", r.kind().id());
        details.put("measurement", r.ipsoName());
        details.put("value", r.value());
        details.put("unit", r.kind().unit());
        details.put("display", r.display());
        details.put("raise", rule.raise());
        details.put("clear", rule.clear());
        details.put("measuredAt", r.time().toString());
        return new Alarm(change.alarmId(), rule.alarmKind(), severity(rule.alarmKind()), r.sensorId(), message(rule.alarmKind(), r), now, details);
    }

    /** @return the sensor-offline alarm of a silent sensor */
    static Alarm offline(OfflineTracker.Change change, SensorProfile profile, Instant now) {
        Map<String, Object> details = place(profile);
        details.put("silentSeconds", change.silentFor().toSeconds());
        details.put("reportSeconds", profile.reportPeriod().toSeconds());
        details.put("lastSeen", change.lastSeen() == null ? "never" : change.lastSeen().toString());
        long minutes = Math.max(1, change.silentFor().toMinutes());
        String message = "传感器离线 " + change.sensorId() + "（" + minutes + " 分钟无数据）/ Sensor offline: " + change.sensorId() + " (silent for "
                + minutes + " min)";
        return new Alarm(offlineId(change.sensorId()), SENSOR_OFFLINE, severity(SENSOR_OFFLINE), change.sensorId(), message, now, details);
    }

    static String offlineId(String sensorId) {
        return SENSOR_OFFLINE + "@" + sensorId;
    }

    private static Map<String, Object> place(SensorProfile profile) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sensor", profile.sensorId());
        details.put("site", profile.site());
        if (!profile.section().isEmpty()) {
            details.put("section", profile.section());
        }
        if (profile.km() >= 0) {
            details.put("km", profile.km());
        }
        details.put("description", profile.description());
        return details;
    }

    private static String message(String alarmKind, Reading r) {
        String v = number(r.value());
        return switch (alarmKind) {
            case FOG -> "前方大雾 能见度 " + v + " 米 / Fog ahead: visibility " + v + " m";
            case ICE -> {
                RoadSurface state = RoadSurface.ofCode(r.value()).orElse(RoadSurface.ICE);
                yield "路面" + state.zh() + " 注意防滑 / Slippery road: " + state.en();
            }
            case WIND -> "大风 风速 " + v + " 米/秒 / Strong wind: " + v + " m/s";
            case HEAVY_RAIN -> "强降雨 " + v + " 毫米/小时 / Heavy rain: " + v + " mm/h";
            case AIR_QUALITY -> "空气重度污染 " + r.kind().zh() + " " + v + " 微克/立方米 / Heavy air pollution: " + r.kind().en() + " " + v + " µg/m³";
            case PARKING_FULL -> "停车场已满 " + v + "% / Car park full: " + v + " %";
            case CROWDING -> "景区入口人流拥挤 " + v + " 人/分钟 / Crowded gate: " + v + " people/min";
            default -> alarmKind + " " + v;
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** @return every alarm kind, for documentation and the disabledAlarms check */
    static List<String> kinds() {
        return new ArrayList<>(List.of(FOG, ICE, WIND, HEAVY_RAIN, AIR_QUALITY, PARKING_FULL, CROWDING, SENSOR_OFFLINE));
    }
}
