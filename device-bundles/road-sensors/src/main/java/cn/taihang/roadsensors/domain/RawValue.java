package cn.taihang.roadsensors.domain;

/**
 * A value as the sensor sent it (a resolved SenML record): exactly one of {@code number}, {@code text},
 * {@code flag} is non-null.
 *
 * @param name SenML name, ending in an IPSO path {@code object/instance/resource}
 * @param unit unit as sent, or {@code null}
 * @param number numeric value, or {@code null}
 * @param text text value, or {@code null}
 * @param flag boolean value, or {@code null}
 * @param time SenML time: 0 = now, below 2^28 relative seconds, else seconds since the epoch
 */
public record RawValue(String name, String unit, Double number, String text, Boolean flag, double time) {

    /** @return a numeric value sent now */
    public static RawValue number(String name, String unit, double value) {
        return new RawValue(name, unit, value, null, null, 0);
    }

    /** @return a text value sent now */
    public static RawValue text(String name, String value) {
        return new RawValue(name, null, null, value, null, 0);
    }
}
