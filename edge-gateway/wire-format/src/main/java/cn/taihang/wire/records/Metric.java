package cn.taihang.wire.records;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named measurement of a record kind: its SenML name, its unit and the type of its value.
 * {@code Double} for a number ({@code v}), {@code String} for a text ({@code vs}), {@code Boolean} for a
 * flag ({@code vb}), {@code Object} for a measurement that may be either a number or a text. Immutable.
 *
 * @param <T> the value type
 */
public final class Metric<T> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./:-]{1,64}");

    private final String name;
    private final String unit;
    private final Class<T> type;

    private Metric(String name, String unit, Class<T> type) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("measurement name must be 1-64 of [A-Za-z0-9_./:-], was " + name);
        }
        this.name = name;
        this.unit = unit;
        this.type = type;
    }

    /**
     * @param unit SenML unit symbol ({@link Units}), or {@code null} for a plain number (an index, a code)
     * @return a numeric measurement
     * @throws IllegalArgumentException on an invalid name
     */
    public static Metric<Double> number(String name, String unit) {
        return new Metric<>(name, unit, Double.class);
    }

    /** @return a text measurement @throws IllegalArgumentException on an invalid name */
    public static Metric<String> text(String name) {
        return new Metric<>(name, null, String.class);
    }

    /** @return a boolean measurement @throws IllegalArgumentException on an invalid name */
    public static Metric<Boolean> flag(String name) {
        return new Metric<>(name, null, Boolean.class);
    }

    /** @return a measurement that carries a number or a text @throws IllegalArgumentException on an invalid name */
    public static Metric<Object> numberOrText(String name) {
        return new Metric<>(name, null, Object.class);
    }

    static <T> Metric<T> of(String name, String unit, Class<T> type) {
        return new Metric<>(name, unit, type);
    }

    /**
     * The rule for measurement names at the gateway's boundary: 1–64 letters, digits and {@code _ . / : -}.
     *
     * @param name a name, may be {@code null}
     * @return whether it is valid
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** @return the SenML name, relative to the record's device, e.g. {@code count/short} */
    public String name() {
        return name;
    }

    /** @return the SenML unit symbol, or {@code null} if the value has none */
    public String unit() {
        return unit;
    }

    /** @return the value type: {@code Double}, {@code String}, {@code Boolean} or {@code Object} (number or text) */
    public Class<T> type() {
        return type;
    }

    /**
     * Reads this measurement's value from a decoded record value (what a SenML decoder or the bridge's
     * ingest yields: a {@code Number}, {@code String} or {@code Boolean}).
     *
     * @param raw the value as decoded, may be {@code null}
     * @return a number as {@code Double} (or {@code null} if {@code raw} is not a number); any value as text
     *     ({@code toString}); a boolean (or {@code null} if {@code raw} is not one); for {@code Object}, {@code raw}
     */
    public T valueOf(Object raw) {
        if (raw == null) {
            return null;
        }
        if (type == Double.class) {
            return raw instanceof Number n ? type.cast(n.doubleValue()) : null;
        }
        if (type == String.class) {
            return type.cast(raw.toString());
        }
        if (type == Boolean.class) {
            return raw instanceof Boolean b ? type.cast(b) : null;
        }
        return type.cast(raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric<?> m && name.equals(m.name) && Objects.equals(unit, m.unit) && type == m.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, type);
    }

    @Override
    public String toString() {
        return name + (unit == null ? "" : " [" + unit + "]") + " : " + type.getSimpleName();
    }
}
