package cn.taihang.gateway.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named value of a record, as in a SenML record (RFC 8428): a number with a unit, a text or a
 * flag. Exactly one of {@code number}, {@code text}, {@code flag} is non-null.
 *
 * @param name name relative to the record's device, e.g. {@code count/short}; 1–64 characters of
 *     letters, digits and {@code - _ . / :}
 * @param unit SenML unit symbol (e.g. {@code m/s}, {@code %}, {@code count}), or {@code null}
 * @param number numeric value, or {@code null}
 * @param text text value, or {@code null}
 * @param flag boolean value, or {@code null}
 */
public record Measurement(String name, String unit, Double number, String text, Boolean flag) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./:-]{1,64}");

    /** Validates at the boundary. @throws IllegalArgumentException on a bad name or value */
    public Measurement {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("measurement name must be 1-64 of [A-Za-z0-9_./:-], was " + name);
        }
        int present = (number != null ? 1 : 0) + (text != null ? 1 : 0) + (flag != null ? 1 : 0);
        if (present != 1) {
            throw new IllegalArgumentException("measurement " + name + " needs exactly one value, has " + present);
        }
        if (number != null && !Double.isFinite(number)) {
            throw new IllegalArgumentException("measurement " + name + " is not a finite number: " + number);
        }
    }

    /** @return a numeric measurement */
    public static Measurement number(String name, String unit, double value) {
        return new Measurement(name, unit, value, null, null);
    }

    /** @return a text measurement */
    public static Measurement text(String name, String value) {
        return new Measurement(name, null, null, Objects.requireNonNull(value, "value"), null);
    }

    /** @return a boolean measurement */
    public static Measurement flag(String name, boolean value) {
        return new Measurement(name, null, null, null, value);
    }
}
