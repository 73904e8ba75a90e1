package cn.taihang.gateway.api;

import cn.taihang.wire.records.Metric;
import java.util.Objects;

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

    /** Validates at the boundary. @throws IllegalArgumentException on a bad name or value */
    public Measurement {
        if (!Metric.isValidName(name)) {
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

    /** @return the vocabulary's numeric measurement with its name and unit */
    public static Measurement of(Metric<Double> metric, double value) {
        return number(metric.name(), metric.unit(), value);
    }

    /** @return the vocabulary's text measurement @throws NullPointerException if {@code value} is null */
    public static Measurement of(Metric<String> metric, String value) {
        return text(metric.name(), value);
    }

    /** @return the vocabulary's boolean measurement */
    public static Measurement of(Metric<Boolean> metric, boolean value) {
        return flag(metric.name(), value);
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
