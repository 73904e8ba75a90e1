package cn.taihang.gateway.api.config;

/**
 * The one way a bundle's settings code checks a configured number against the range its MetaType interface declares:
 * both read the same constants (declared on the interface, e.g. {@code int PORT_MIN = 1;} and
 * {@code @AttributeDefinition(min = "" + PORT_MIN)}), so the console's form and the component never disagree.
 */
public final class Ranges {

    private Ranges() {
    }

    /**
     * @param name the property, as the configuration names it
     * @return {@code value}
     * @throws IllegalArgumentException naming the property, its range and the value, if outside {@code min..max}
     */
    public static int require(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw outside(name, value, min, max);
        }
        return value;
    }

    /** As {@link #require(String, int, int, int)}, for a long. */
    public static long require(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw outside(name, value, min, max);
        }
        return value;
    }

    /** As {@link #require(String, int, int, int)}, for a double (NaN is outside every range). */
    public static double require(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw outside(name, value, min, max);
        }
        return value;
    }

    private static IllegalArgumentException outside(String name, Object value, Object min, Object max) {
        String range = isMax(max) ? "at least " + min : isMin(min) ? "at most " + max : min + "-" + max;
        return new IllegalArgumentException(name + " must be " + range + ", was " + value);
    }

    private static boolean isMax(Object max) {
        return max.equals(Integer.MAX_VALUE) || max.equals(Long.MAX_VALUE) || max.equals(Double.MAX_VALUE);
    }

    private static boolean isMin(Object min) {
        return min.equals(Integer.MIN_VALUE) || min.equals(Long.MIN_VALUE) || min.equals(-Double.MAX_VALUE);
    }
}
