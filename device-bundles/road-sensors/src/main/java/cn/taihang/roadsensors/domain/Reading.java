package cn.taihang.roadsensors.domain;

import cn.taihang.wire.records.SensorReading;
import java.time.Instant;

/**
 * One normalised reading.
 *
 * @param sensorId the sensor
 * @param kind what it measures
 * @param instance the IPSO object instance (a sensor may carry several of one object)
 * @param value the value in the kind's canonical unit
 * @param time when it was measured
 */
public record Reading(String sensorId, SensorKind kind, int instance, double value, Instant time) {

    /** @return the IPSO name of the value, e.g. {@code 3300/0/5700} */
    public String ipsoName() {
        return SensorReading.VALUE.nameOf(SensorReading.instance(kind.object(), instance));
    }

    /** @return the value for people, with its unit, e.g. {@code 180 m} or {@code ice} */
    public String display() {
        if (kind == SensorKind.ROAD_SURFACE_STATE) {
            return RoadSurface.ofCode(value).map(RoadSurface::en).orElse(String.valueOf(value));
        }
        String number = value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
        return number + (kind.unit().isEmpty() ? "" : " " + kind.unit());
    }
}
