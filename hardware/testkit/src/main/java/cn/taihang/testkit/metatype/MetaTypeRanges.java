package cn.taihang.testkit.metatype;

import cn.taihang.testkit.config.Configs;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that the ranges a configuration interface declares to MetaType (min, max, options, as bnd wrote them) are
 * exactly what the settings code accepts, so the console never offers a value the component refuses, nor refuses one it
 * would take. For every numeric attribute: the minimum and maximum are accepted and the values just outside refused; a
 * side without a declared bound must accept the type's extreme; every default lies within its own range. For every
 * attribute with options: each option is accepted and another value refused. Each probe changes one attribute of a
 * valid configuration (the MetaType defaults plus {@link #given}); an array attribute gets the probe as its first
 * (lower bounds) or last (upper bounds) value. Every mismatch is reported in one failure.
 *
 * <pre>{@code
 * MetaTypeRanges.of(StoreConfig.class, StoreConfig.PID).assertCheckedBy((config, properties) -> StoreSettings.from(config, dir));
 * }</pre>
 *
 * @param <C> the configuration interface
 */
public final class MetaTypeRanges<C> {

    /** The settings code under test: reads a configuration and throws if it refuses it. */
    @FunctionalInterface
    public interface Settings<C> {
        /**
         * @param config the configuration object, as DS would build it
         * @param properties the properties it answers from (some settings look at which were set)
         * @throws Exception to refuse
         */
        void read(C config, Map<String, Object> properties) throws Exception;
    }

    private enum Side { MIN, MAX }

    private final Class<C> type;
    private final MetaTypeDocument document;
    private final Map<String, Object> base = new HashMap<>();
    private final Map<String, Map<String, Object>> alongside = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private MetaTypeRanges(Class<C> type, MetaTypeDocument document) {
        this.type = type;
        this.document = document;
    }

    /**
     * @param type the configuration interface
     * @param pid its OCD id
     * @return the check, over the generated {@code OSGI-INF/metatype/<pid>.xml}
     */
    public static <C> MetaTypeRanges<C> of(Class<C> type, String pid) {
        return new MetaTypeRanges<>(type, MetaTypeDocument.of(pid));
    }

    /** Values every probe has on top of the defaults (the required ones, a valid choice), as a map. */
    public MetaTypeRanges<C> given(Map<String, ?> values) {
        base.putAll(values);
        return this;
    }

    /** Values every probe has on top of the defaults: name, value, name, value, … */
    public MetaTypeRanges<C> given(Object... namesAndValues) {
        return given(Configs.properties(namesAndValues));
    }

    /**
     * Values the probes of one attribute also set, for a rule between attributes (e.g. a maximum above a minimum):
     * name, value, name, value, …
     */
    public MetaTypeRanges<C> alongside(String attribute, Object... namesAndValues) {
        document.attribute(attribute);
        alongside.computeIfAbsent(attribute, a -> new HashMap<>()).putAll(Configs.properties(namesAndValues));
        return this;
    }

    /** Runs every probe through the settings code. @throws AssertionError listing every mismatch */
    public void assertCheckedBy(Settings<C> settings) {
        problems.clear();
        String refusal = verdict(settings, new HashMap<>(base));
        if (refusal != null) {
            throw new AssertionError(document.id() + ": the defaults with " + base + " are refused, so no range can be checked: " + refusal);
        }
        for (MetaTypeDocument.Attribute attribute : document.attributes()) {
            if (attribute.numeric()) {
                checkDefaults(attribute);
                checkSide(settings, attribute, Side.MIN);
                checkSide(settings, attribute, Side.MAX);
            }
            if (!attribute.optionValues().isEmpty()) {
                for (String option : attribute.optionValues()) {
                    expect(settings, attribute, Side.MIN, option, true, "option " + option);
                }
                expect(settings, attribute, Side.MIN, "NOT-AN-OPTION", false, "a value outside the options");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(document.id() + ": MetaType and the settings code disagree (fix the annotation and the code to use one "
                    + "constant):\n  " + String.join("\n  ", problems));
        }
    }

    private void checkSide(Settings<C> settings, MetaTypeDocument.Attribute attribute, Side side) {
        String bound = side == Side.MIN ? attribute.min() : attribute.max();
        String word = side == Side.MIN ? "min" : "max";
        if (bound == null) {
            expect(settings, attribute, side, extreme(attribute.type(), side), true, "no " + word + " is declared, so the settings must take "
                    + extreme(attribute.type(), side) + " (else declare the " + word + ")");
            return;
        }
        Number limit = parse(attribute.type(), bound);
        expect(settings, attribute, side, limit, true, "MetaType " + word + " " + bound);
        Number outside = beyond(attribute.type(), limit, side);
        if (outside != null) {
            expect(settings, attribute, side, outside, false, "MetaType " + word + " " + bound + ", so " + outside + " is out of range");
        }
    }

    private void checkDefaults(MetaTypeDocument.Attribute attribute) {
        Object defaults = method(attribute).getDefaultValue();
        for (Object value : items(defaults)) {
            double v = ((Number) value).doubleValue();
            if ((attribute.min() != null && v < Double.parseDouble(attribute.min())) || (attribute.max() != null && v > Double.parseDouble(attribute.max()))) {
                problems.add(attribute.id() + ": its default " + value + " lies outside its own range " + attribute.min() + ".." + attribute.max());
            }
        }
    }

    private void expect(Settings<C> settings, MetaTypeDocument.Attribute attribute, Side side, Object value, boolean accepted, String why) {
        Map<String, Object> properties = new HashMap<>(base);
        properties.putAll(alongside.getOrDefault(attribute.id(), Map.of()));
        properties.put(attribute.id(), attribute.cardinality() == 0 ? value : shaped(attribute, properties.get(attribute.id()), value, side));
        String refusal = verdict(settings, properties);
        if (accepted && refusal != null) {
            problems.add(attribute.id() + " = " + value + ": " + why + ", but the settings refuse it: " + refusal);
        } else if (!accepted && refusal == null) {
            problems.add(attribute.id() + " = " + value + ": " + why + ", but the settings accept it");
        }
    }

    private String verdict(Settings<C> settings, Map<String, Object> properties) {
        try {
            settings.read(Configs.of(type, properties), properties);
            return null;
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private List<Object> shaped(MetaTypeDocument.Attribute attribute, Object given, Object value, Side side) {
        List<Object> values = new ArrayList<>(items(given != null ? given : method(attribute).getDefaultValue()));
        if (values.isEmpty()) {
            return List.of(value);
        }
        values.set(side == Side.MIN ? 0 : values.size() - 1, value);
        return values;
    }

    private static List<Object> items(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
            return list;
        }
        return value instanceof Collection<?> c ? new ArrayList<>(c) : List.of(value);
    }

    private Method method(MetaTypeDocument.Attribute attribute) {
        for (Method m : type.getDeclaredMethods()) {
            if (Configs.propertyName(m).equals(attribute.id())) {
                return m;
            }
        }
        throw new AssertionError(type.getName() + " has no method for attribute " + attribute.id());
    }

    private static Number parse(String type, String text) {
        return switch (type) {
            case "Double" -> Double.parseDouble(text);
            case "Float" -> Float.parseFloat(text);
            default -> Long.parseLong(text);
        };
    }

    private static Number beyond(String type, Number limit, Side side) {
        return switch (type) {
            case "Double" -> side == Side.MIN ? Math.nextDown(limit.doubleValue()) : Math.nextUp(limit.doubleValue());
            case "Float" -> side == Side.MIN ? Math.nextDown(limit.floatValue()) : Math.nextUp(limit.floatValue());
            default -> {
                long l = limit.longValue();
                long next = side == Side.MIN ? l - 1 : l + 1;
                yield next < extreme(type, Side.MIN).longValue() || next > extreme(type, Side.MAX).longValue() ? null : next;
            }
        };
    }

    private static Number extreme(String type, Side side) {
        boolean min = side == Side.MIN;
        return switch (type) {
            case "Integer" -> min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case "Long" -> min ? Long.MIN_VALUE : Long.MAX_VALUE;
            case "Short" -> min ? Short.MIN_VALUE : Short.MAX_VALUE;
            case "Byte" -> min ? Byte.MIN_VALUE : Byte.MAX_VALUE;
            case "Float" -> min ? -Float.MAX_VALUE : Float.MAX_VALUE;
            default -> min ? -Double.MAX_VALUE : Double.MAX_VALUE;
        };
    }
}
