package cn.taihang.roadsensors.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the gateway knows of a sensor besides its key: where it stands and how often it reports.
 *
 * @param sensorId the sensor's device id
 * @param description bilingual, for people, e.g. {@code 浙水—王莽岭 K13.7 能见度仪 / Zheshui–Wangmangling K13.7 visibility meter}
 * @param site site id (the gateway's unless the sensor stands elsewhere)
 * @param section road section id, or {@code ""}
 * @param km position on the section, or a negative number if not on one
 * @param reportPeriod how often it reports; it is offline after several periods of silence
 * @param applicationTypes default application types per instance ({@code "3300/0" -> "visibility"}) for
 *     sensors that do not send resource 5750
 */
public record SensorProfile(String sensorId, String description, String site, String section, double km, Duration reportPeriod,
                            Map<String, String> applicationTypes) {

    /** Validates and copies. */
    public SensorProfile {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(section, "section");
        if (reportPeriod == null || reportPeriod.isNegative() || reportPeriod.isZero()) {
            throw new IllegalArgumentException("the report period of " + sensorId + " must be positive");
        }
        applicationTypes = Map.copyOf(applicationTypes);
    }

    /** @return a profile for a sensor with a key but no configuration: at the gateway's site, default period */
    public static SensorProfile unconfigured(String sensorId, String site, Duration reportPeriod) {
        return new SensorProfile(sensorId, "传感器 " + sensorId + " / sensor " + sensorId, site, "", -1, reportPeriod, Map.of());
    }
}
