package cn.taihang.gateway.api.sensor;

/**
 * One resolved SenML record of a sensor (RFC 8428, base values applied): exactly one of {@code number},
 * {@code text}, {@code flag} is non-null.
 *
 * @param name full SenML name, e.g. {@code 3303/0/5700}
 * @param unit SenML unit as sent, or {@code null}
 * @param number numeric value, or {@code null}
 * @param text string value, or {@code null}
 * @param flag boolean value, or {@code null}
 * @param time SenML time as resolved: {@code 0} = now, below 2^28 relative to now (seconds), else seconds
 *     since the Unix epoch
 */
public record SensorValue(String name, String unit, Double number, String text, Boolean flag, double time) {

    /** SenML times at or above this are absolute (RFC 8428 §4.5.3). */
    public static final double ABSOLUTE_TIME_FROM = 268_435_456; // 2^28

    /** Validates. @throws IllegalArgumentException without a name or without exactly one value */
    public SensorValue {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a sensor value needs a name");
        }
        int present = (number != null ? 1 : 0) + (text != null ? 1 : 0) + (flag != null ? 1 : 0);
        if (present != 1) {
            throw new IllegalArgumentException("sensor value " + name + " needs exactly one value, has " + present);
        }
    }

    /** @return a numeric value at time 0 (now) */
    public static SensorValue number(String name, String unit, double value) {
        return new SensorValue(name, unit, value, null, null, 0);
    }

    /** @return a text value at time 0 (now) */
    public static SensorValue text(String name, String value) {
        return new SensorValue(name, null, null, value, null, 0);
    }
}
