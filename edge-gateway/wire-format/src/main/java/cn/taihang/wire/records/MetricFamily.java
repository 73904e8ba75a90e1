package cn.taihang.wire.records;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Measurements named by a pattern rather than one name: {@code prefix + part + suffix}, where the part
 * matches a pattern — a length class in {@code count/short}, a chunk number in {@code png/007}, an IPSO
 * object and instance in {@code 3303/0/5700}. All members share a value type and a unit. Immutable.
 *
 * @param <T> the value type, as in {@link Metric}
 */
public final class MetricFamily<T> {

    private final String prefix;
    private final Pattern part;
    private final String suffix;
    private final int digits;
    private final String unit;
    private final Class<T> type;

    private MetricFamily(String prefix, String partPattern, String suffix, int digits, String unit, Class<T> type) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.part = Pattern.compile(partPattern);
        this.suffix = Objects.requireNonNull(suffix, "suffix");
        this.digits = digits;
        this.unit = unit;
        this.type = type;
    }

    /**
     * @param partPattern regular expression the variable part matches
     * @param unit SenML unit of every member, or {@code null} if none (or if it depends on the member, see the kind)
     * @return a family of numbers
     */
    public static MetricFamily<Double> numbers(String prefix, String partPattern, String suffix, String unit) {
        return new MetricFamily<>(prefix, partPattern, suffix, 0, unit, Double.class);
    }

    /** @return a family of texts */
    public static MetricFamily<String> texts(String prefix, String partPattern, String suffix) {
        return new MetricFamily<>(prefix, partPattern, suffix, 0, null, String.class);
    }

    /** @return a family whose members carry a number or a text */
    public static MetricFamily<Object> numbersOrTexts(String prefix, String partPattern) {
        return new MetricFamily<>(prefix, partPattern, "", 0, null, Object.class);
    }

    /**
     * @param digits width of the zero-padded chunk number
     * @return a family of numbered text chunks {@code prefix + NN…}
     */
    public static MetricFamily<String> textChunks(String prefix, int digits) {
        return new MetricFamily<>(prefix, "\\d{" + digits + "}", "", digits, null, String.class);
    }

    /**
     * @param part a variable part, may be {@code null}
     * @return whether it matches the family's pattern, so that {@link #nameOf(String)} takes it
     */
    public boolean accepts(String part) {
        return part != null && this.part.matcher(part).matches();
    }

    /**
     * @param part the variable part
     * @return the member's name
     * @throws IllegalArgumentException if the part does not match the family's pattern
     */
    public String nameOf(String part) {
        if (!accepts(part)) {
            throw new IllegalArgumentException("'" + part + "' is not a part of " + this);
        }
        return prefix + part + suffix;
    }

    /**
     * @param part the variable part
     * @return the member as a measurement
     * @throws IllegalArgumentException if the part does not match the family's pattern
     */
    public Metric<T> of(String part) {
        return Metric.of(nameOf(part), unit, type);
    }

    /**
     * @param index a chunk number, from 0
     * @return the name of that chunk, zero-padded to the family's width
     * @throws IllegalArgumentException if the family is not numbered or the index does not fit
     */
    public String nameOf(int index) {
        if (digits == 0 || index < 0) {
            throw new IllegalArgumentException(this + " has no chunk " + index);
        }
        return nameOf(String.format("%0" + digits + "d", index));
    }

    /**
     * @param name a measurement name, may be {@code null}
     * @return whether it names a member of this family
     */
    public boolean contains(String name) {
        return part(name) != null;
    }

    /**
     * @param name a measurement name, may be {@code null}
     * @return its variable part, or {@code null} if it is not a member
     */
    public String part(String name) {
        if (name == null || !name.startsWith(prefix) || !name.endsWith(suffix) || name.length() < prefix.length() + suffix.length()) {
            return null;
        }
        String middle = name.substring(prefix.length(), name.length() - suffix.length());
        return part.matcher(middle).matches() ? middle : null;
    }

    /** @return the text before the variable part */
    public String prefix() {
        return prefix;
    }

    /** @return the text after the variable part */
    public String suffix() {
        return suffix;
    }

    /** @return the unit of every member, or {@code null} */
    public String unit() {
        return unit;
    }

    /** @return the value type of every member */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return prefix + "<" + part.pattern() + ">" + suffix + (unit == null ? "" : " [" + unit + "]") + " : " + type.getSimpleName();
    }
}
