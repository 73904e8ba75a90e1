package cn.taihang.roadsensors.api;

import java.time.Instant;
import java.util.List;

/**
 * One sensor as the gateway sees it now.
 *
 * @param sensorId device id
 * @param description bilingual description
 * @param site site id
 * @param section road section id, or {@code ""}
 * @param km position on the section, negative if not on one
 * @param presence whether it reports
 * @param lastSeen when it last reported, or {@code null} if never
 * @param latest the latest value of each of its measurements, ordered by name
 * @param activeAlarms ids of its active alarms (thresholds and sensor-offline)
 * @param accepted packs accepted since start
 * @param refused packs refused since start (unknown unit or kind, impossible value, bad time)
 * @param lastProblem why the latest pack was refused, or {@code ""}
 */
public record SensorStatus(String sensorId, String description, String site, String section, double km, Presence presence, Instant lastSeen,
                           List<LatestValue> latest, List<String> activeAlarms, long accepted, long refused, String lastProblem) {

    /** Whether a sensor reports. */
    public enum Presence {
        /** Reported within its offline window. */
        ONLINE,
        /** Silent for longer than its offline window; a {@code sensor-offline} alarm is active. */
        OFFLINE,
        /** Configured, never reported since the gateway started. */
        NEVER_SEEN
    }

    /** Copies the lists. */
    public SensorStatus {
        latest = List.copyOf(latest);
        activeAlarms = List.copyOf(activeAlarms);
    }

    /**
     * A measurement's latest value.
     *
     * @param name IPSO name, e.g. {@code 3300/0/5700}
     * @param kind sensor kind id, e.g. {@code visibility}
     * @param value value in the canonical unit
     * @param unit canonical SenML unit ({@code ""} for a code)
     * @param display for people, e.g. {@code 180 m}, {@code ice}
     * @param time when it was measured
     */
    public record LatestValue(String name, String kind, double value, String unit, String display, Instant time) {}
}
