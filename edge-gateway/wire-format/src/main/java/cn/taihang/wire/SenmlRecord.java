package cn.taihang.wire;

import cn.taihang.wire.records.Metric;

/**
 * A resolved SenML record (RFC 8428 §4.6): base name, base time, base unit and base value already
 * applied. Exactly one of {@code value}, {@code stringValue}, {@code booleanValue} is non-null, or
 * none if the record carries only a {@code sum}.
 *
 * @param name full name
 * @param unit unit symbol, or {@code null}
 * @param value numeric value, or {@code null}
 * @param stringValue text value, or {@code null}
 * @param booleanValue boolean value, or {@code null}
 * @param sum integrated sum, or {@code null}
 * @param time absolute time in seconds since the Unix epoch, or relative (negative or small) time as
 *     sent if no base time made it absolute; {@code 0} means "now"
 */
public record SenmlRecord(String name, String unit, Double value, String stringValue, Boolean booleanValue, Double sum, double time) {

    /** @return the vocabulary's numeric measurement as a record at time 0, with its name and unit */
    public static SenmlRecord of(Metric<Double> metric, double value) {
        return number(metric.name(), metric.unit(), value);
    }

    /** @return the vocabulary's text measurement as a record at time 0 */
    public static SenmlRecord of(Metric<String> metric, String value) {
        return text(metric.name(), value);
    }

    /** @return the vocabulary's boolean measurement as a record at time 0 */
    public static SenmlRecord of(Metric<Boolean> metric, boolean value) {
        return flag(metric.name(), value);
    }

    /** @return a numeric record at time 0 (the time of the enclosing record) */
    public static SenmlRecord number(String name, String unit, double value) {
        return new SenmlRecord(name, unit, value, null, null, null, 0);
    }

    /** @return a text record at time 0 */
    public static SenmlRecord text(String name, String value) {
        return new SenmlRecord(name, null, null, value, null, null, 0);
    }

    /** @return a boolean record at time 0 */
    public static SenmlRecord flag(String name, boolean value) {
        return new SenmlRecord(name, null, null, null, value, null, 0);
    }
}
