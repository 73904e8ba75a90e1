package cn.taihang.simulator.sensors;

import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.wire.SenmlRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One virtual 5G sensor: where it stands, what it measures, its pre-shared key, and the SenML pack it
 * sends at a given time.
 *
 * @param sensorId device id, also its PSK identity
 * @param role what it is
 * @param site the site (gateway) it reports to
 * @param section road section for the weather (the site id for scenic sensors)
 * @param km position on the section, or -1
 * @param description bilingual
 * @param key its pre-shared key (16 random bytes)
 * @param cbor whether it posts SenML CBOR (else JSON)
 */
public record SensorPlan(String sensorId, Role role, String site, String section, double km, String description, byte[] key, boolean cbor) {

    /** The kinds of virtual sensor. */
    public enum Role {
        /** 3300 visibility meter. */
        VISIBILITY("vis", "能见度仪", "visibility meter"),
        /** Road surface: 3300 road-surface-state and 3303 road-surface temperature. */
        ROAD_SURFACE("road", "路面状态传感器", "road surface sensor"),
        /** Weather station: 3303 air temperature, 3304 humidity, 3300 wind speed and rain rate (application types configured, not sent). */
        WEATHER_STATION("met", "气象站", "weather station"),
        /** 3300 parking-occupancy of a viewpoint or scenic car park. */
        PARKING("park", "停车场占用检测器", "car park occupancy detector"),
        /** 3300 pedestrian-flow at a scenic gate. */
        GATE("gate", "景区入口人流计数器", "scenic gate people counter"),
        /** 3325 PM2.5 and PM10. */
        AIR_QUALITY("aq", "空气质量监测仪", "air quality monitor");

        final String prefix;
        final String zh;
        final String en;

        Role(String prefix, String zh, String en) {
            this.prefix = prefix;
            this.zh = zh;
            this.en = en;
        }
    }

    /** @return the sensors of a site: road posts get visibility, road surface and weather; the 0 km post parking, gate, air and visibility */
    public static List<SensorPlan> forSite(Scenario.Site site, Random random) {
        List<Role> roles = switch (site.kind()) {
            case "road-post" -> List.of(Role.VISIBILITY, Role.ROAD_SURFACE, Role.WEATHER_STATION);
            case "zero-km-post" -> List.of(Role.VISIBILITY, Role.PARKING, Role.GATE, Role.AIR_QUALITY);
            default -> List.of();
        };
        List<SensorPlan> plans = new ArrayList<>();
        for (Role role : roles) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            boolean scenic = role == Role.PARKING || role == Role.GATE;
            String section = site.section() != null && !scenic ? site.section() : site.id();
            String where = site.section() != null ? String.format(Locale.ROOT, " K%.1f", site.km()) : "";
            plans.add(new SensorPlan(role.prefix + "-" + site.id(), role, site.id(), section, site.section() != null ? site.km() : -1,
                    site.zh() + where + " " + role.zh + " / " + site.en() + where + " " + role.en, key, role == Role.ROAD_SURFACE || role == Role.AIR_QUALITY));
        }
        return plans;
    }

    /** @return the application types the gateway is configured with for this sensor (those it does not send) */
    public List<String> configuredApplicationTypes() {
        return role == Role.WEATHER_STATION ? List.of("3300/0=wind-speed", "3300/1=rain-rate") : List.of();
    }

    /** @return the SenML pack the sensor sends at {@code t} */
    public List<SenmlRecord> pack(Weather weather, Instant t) {
        return switch (role) {
            case VISIBILITY -> List.of(SenmlRecord.text("3300/0/5750", "visibility"), SenmlRecord.number("3300/0/5700", "m", round(weather.visibilityMeters(section, t))));
            case ROAD_SURFACE -> List.of(SenmlRecord.text("3300/0/5750", "road-surface-state"),
                    SenmlRecord.number("3300/0/5700", null, weather.roadSurfaceCode(section, t)), SenmlRecord.text("3303/0/5750", "road-surface"),
                    SenmlRecord.number("3303/0/5700", "Cel", tenth(weather.surfaceCelsius(section, t))));
            case WEATHER_STATION -> List.of(SenmlRecord.number("3303/0/5700", "Cel", tenth(weather.airCelsius(section, t))),
                    SenmlRecord.number("3304/0/5700", "%RH", round(weather.humidityPercent(section, t))),
                    SenmlRecord.number("3300/0/5700", "m/s", tenth(weather.windMps(section, t))),
                    SenmlRecord.number("3300/1/5700", "mm/h", tenth(weather.rainMmPerHour(section, t))));
            case PARKING -> List.of(SenmlRecord.text("3300/0/5750", "parking-occupancy"), SenmlRecord.number("3300/0/5700", "%", round(weather.parkingPercent(section, t))));
            case GATE -> List.of(SenmlRecord.text("3300/0/5750", "pedestrian-flow"), SenmlRecord.number("3300/0/5700", "1/min", round(weather.gatePerMinute(section, t))));
            case AIR_QUALITY -> List.of(SenmlRecord.text("3325/0/5750", "pm2.5"), SenmlRecord.number("3325/0/5700", "ug/m3", round(weather.pm25(section, t))),
                    SenmlRecord.text("3325/1/5750", "pm10"), SenmlRecord.number("3325/1/5700", "ug/m3", round(1.6 * weather.pm25(section, t))));
        };
    }

    private static double round(double v) {
        return Math.round(v);
    }

    private static double tenth(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
