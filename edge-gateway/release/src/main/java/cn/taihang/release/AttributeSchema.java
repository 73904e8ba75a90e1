package cn.taihang.release;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One attribute of a configuration as the release's MetaType declares it (OSGi MetaType 105.3), enough to tell whether
 * a value fits before it is sent anywhere: type, cardinality, range (for numbers the value, for strings the length, as
 * MetaType's {@code min}/{@code max}), options.
 *
 * @param id property id
 * @param type MetaType type name: {@code String}, {@code Long}, {@code Integer}, {@code Short}, {@code Byte},
 *     {@code Character}, {@code Double}, {@code Float}, {@code Boolean} or {@code Password}
 * @param cardinality 0 for a single value, otherwise how many values at most (negative: a list, positive: an array;
 *     {@link Integer#MAX_VALUE} or its negative for no limit)
 * @param required whether a configuration must hold it when it has no default
 * @param min smallest value (length for strings), or {@code null}
 * @param max largest value (length for strings), or {@code null}
 * @param options the allowed values, empty for any
 * @param defaults the default values, empty for none
 */
public record AttributeSchema(String id, String type, int cardinality, boolean required, String min, String max, List<String> options,
                              List<String> defaults) {

    private static final Set<String> TYPES = Set.of("String", "Long", "Integer", "Short", "Byte", "Character", "Double", "Float", "Boolean",
            "Password");

    /** Validates and copies. @throws IllegalArgumentException on an unknown type or a bad range */
    public AttributeSchema {
        Objects.requireNonNull(id, "id");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("attribute " + id + ": unknown MetaType type " + type);
        }
        options = List.copyOf(options);
        defaults = List.copyOf(defaults);
        for (String bound : new String[] {min, max}) {
            if (bound != null && decimal(bound) == null) {
                throw new IllegalArgumentException("attribute " + id + ": min/max must be numbers, was " + bound);
            }
        }
    }

    /** @return whether the attribute is a secret (type {@code Password}), never shown or reported in clear */
    public boolean secret() {
        return type.equals("Password");
    }

    /**
     * @param value a value as ConfigAdmin holds it (String, a boxed number, Boolean, an array or a collection) or as JSON
     *     decodes it (numbers, strings, booleans, lists)
     * @return what is wrong with it, or empty if it fits
     */
    public Optional<String> problemWith(Object value) {
        if (value == null) {
            return Optional.of(id + " has no value");
        }
        List<Object> values = values(value);
        boolean many = values.size() != 1 || value.getClass().isArray() || value instanceof Collection;
        if (many && cardinality == 0) {
            return Optional.of(id + " takes one value, not a list");
        }
        int limit = Math.abs(cardinality);
        if (cardinality != 0 && values.size() > limit) {
            return Optional.of(id + " takes at most " + limit + " values, got " + values.size());
        }
        for (Object v : values) {
            Optional<String> problem = problemWithOne(v);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> problemWithOne(Object value) {
        String text = String.valueOf(value);
        if (!options.isEmpty() && !options.contains(text)) {
            return Optional.of(id + " must be one of " + options + ", was " + text);
        }
        BigDecimal measured;
        switch (type) {
            case "String", "Password" -> measured = BigDecimal.valueOf(text.length());
            case "Character" -> {
                if (text.length() != 1) {
                    return Optional.of(id + " takes one character, was '" + text + "'");
                }
                measured = BigDecimal.valueOf(text.charAt(0));
            }
            case "Boolean" -> {
                return value instanceof Boolean || text.equals("true") || text.equals("false") ? Optional.empty()
                        : Optional.of(id + " takes true or false, was " + text);
            }
            default -> {
                measured = decimal(text);
                if (measured == null || !fitsType(measured)) {
                    return Optional.of(id + " takes " + article() + " " + type + ", was " + text);
                }
            }
        }
        String unit = type.equals("String") || type.equals("Password") ? " characters" : "";
        if (min != null && measured.compareTo(decimal(min)) < 0) {
            return Optional.of(id + " must be at least " + min + unit + ", was " + shown(text));
        }
        if (max != null && measured.compareTo(decimal(max)) > 0) {
            return Optional.of(id + " must be at most " + max + unit + ", was " + shown(text));
        }
        return Optional.empty();
    }

    private String shown(String text) {
        return secret() ? "(secret)" : text;
    }

    private String article() {
        return type.startsWith("I") ? "an" : "a";
    }

    private boolean fitsType(BigDecimal n) {
        boolean integral = n.stripTrailingZeros().scale() <= 0;
        return switch (type) {
            case "Long" -> integral && n.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0 && n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
            case "Integer" -> integral && n.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0 && n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
            case "Short" -> integral && n.compareTo(BigDecimal.valueOf(Short.MIN_VALUE)) >= 0 && n.compareTo(BigDecimal.valueOf(Short.MAX_VALUE)) <= 0;
            case "Byte" -> integral && n.compareTo(BigDecimal.valueOf(Byte.MIN_VALUE)) >= 0 && n.compareTo(BigDecimal.valueOf(Byte.MAX_VALUE)) <= 0;
            default -> true;
        };
    }

    private static List<Object> values(Object value) {
        List<Object> values = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                values.add(Array.get(value, i));
            }
        } else if (value instanceof Collection<?> c) {
            values.addAll(c);
        } else {
            values.add(value);
        }
        return values;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
