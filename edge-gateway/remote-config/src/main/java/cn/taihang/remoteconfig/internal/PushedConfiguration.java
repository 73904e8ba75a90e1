package cn.taihang.remoteconfig.internal;

import cn.taihang.release.AttributeSchema;
import cn.taihang.release.ConfigSchema;
import cn.taihang.release.PidSchema;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pushed configuration in the Configurator resource format, checked against the schema of the running bundles before
 * anything changes: every key must be a PID or factory configuration some running bundle declares in MetaType and no
 * protected one, every property an attribute of it, every value of its type, cardinality, range and options; a type a
 * property name carries ({@code name:Integer}) must be the attribute's. What passes is converted to the types MetaType
 * declares (so a component reads an {@code Integer} where it declared one). Pure: no framework.
 */
final class PushedConfiguration {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*(~[A-Za-z0-9_.-]+)?");

    /**
     * What a check found.
     *
     * @param configurations configuration key → its pushed properties, typed as MetaType declares them; empty if refused
     * @param problems what is wrong, one line each; empty if everything fits
     */
    record Checked(Map<String, Map<String, Object>> configurations, List<String> problems) {

        Checked {
            configurations = problems.isEmpty() ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configurations)) : Map.of();
            problems = List.copyOf(problems);
        }

        /** @return whether everything fits */
        boolean fits() {
            return problems.isEmpty();
        }
    }

    private PushedConfiguration() {
    }

    /**
     * @param configuration the pushed JSON object
     * @param schema the MetaType of the running bundles
     * @param protectedPids PIDs (factory PIDs for factories) no push may change
     */
    static Checked check(JsonNode configuration, ConfigSchema schema, Set<String> protectedPids) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> typed = new LinkedHashMap<>();
        if (configuration == null || !configuration.isObject()) {
            return new Checked(Map.of(), List.of("the configuration must be a JSON object of PIDs"));
        }
        configuration.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            if (key.startsWith(":configurator:")) {
                if (key.equals(":configurator:resource-version") && entry.getValue().asInt(-1) != 1) {
                    problems.add(key + ": only resource-version 1 is supported");
                }
                return;
            }
            checkOne(key, entry.getValue(), schema, protectedPids, problems).ifPresent(values -> typed.put(key, values));
        });
        if (typed.isEmpty() && problems.isEmpty()) {
            problems.add("the configuration names no PID");
        }
        return new Checked(typed, problems);
    }

    private static Optional<Map<String, Object>> checkOne(String key, JsonNode properties, ConfigSchema schema, Set<String> protectedPids,
                                                          List<String> problems) {
        if (!KEY.matcher(key).matches()) {
            problems.add("'" + key + "' is not a PID (e.g. cn.taihang.store or cn.taihang.counter.lane~l1)");
            return Optional.empty();
        }
        String pid = key.split("~", 2)[0];
        if (protectedPids.contains(pid)) {
            problems.add(key + ": installer-only, a push never changes it");
            return Optional.empty();
        }
        Optional<PidSchema> found = schema.forKey(key);
        if (found.isEmpty()) {
            problems.add(!schema.pids().containsKey(pid) ? key + ": no running bundle declares the PID " + pid
                    : key.contains("~") ? key + ": " + pid + " is not a factory PID" : key + ": " + pid + " is a factory PID; name one of its configurations, e.g. "
                    + pid + "~name");
            return Optional.empty();
        }
        if (!properties.isObject() || properties.isEmpty()) {
            problems.add(key + ": its value must be a non-empty object of properties");
            return Optional.empty();
        }
        PidSchema pidSchema = found.get();
        Map<String, Object> decoded = new LinkedHashMap<>();
        int before = problems.size();
        properties.fields().forEachRemaining(p -> {
            String[] nameAndType = p.getKey().split(":", 2);
            String name = nameAndType[0];
            Optional<AttributeSchema> attribute = pidSchema.attribute(name);
            if (nameAndType.length > 1 && attribute.isPresent() && !sameType(nameAndType[1], attribute.get())) {
                problems.add(key + ": " + name + " is declared " + attribute.get().type() + ", not " + nameAndType[1]);
                return;
            }
            Object value = decode(p.getValue());
            if (value == null) {
                problems.add(key + ": " + name + " must be text, a number, true/false or an array of them");
                return;
            }
            decoded.put(name, value);
        });
        problems.addAll(pidSchema.problems(key, decoded, false, true));
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        decoded.forEach((name, value) -> typed.put(name, typed(pidSchema.attribute(name).orElseThrow(), value)));
        return Optional.of(typed);
    }

    private static boolean sameType(String hint, AttributeSchema attribute) {
        String base = hint.strip().replace("[]", "");
        return base.equalsIgnoreCase(attribute.type()) || base.equalsIgnoreCase("int") && attribute.type().equals("Integer")
                || base.equalsIgnoreCase("String") && attribute.secret();
    }

    private static Object decode(JsonNode node) {
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            for (JsonNode element : node) {
                Object value = element.isArray() ? null : decode(element);
                if (value == null) {
                    return null;
                }
                values.add(value);
            }
            return values;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.asLong() : (Object) node.decimalValue();
        }
        return node.isNumber() ? node.decimalValue() : null;
    }

    /** Converts a value that fits the attribute to the type ConfigurationAdmin should hold. */
    static Object typed(AttributeSchema attribute, Object value) {
        List<?> values = value instanceof List<?> list ? list : List.of(value);
        List<Object> converted = new ArrayList<>();
        for (Object v : values) {
            converted.add(one(attribute.type(), String.valueOf(v)));
        }
        if (attribute.cardinality() == 0) {
            return converted.get(0);
        }
        if (attribute.cardinality() < 0) {
            return converted;
        }
        return array(attribute.type(), converted);
    }

    /** @return the values as an array of the type's box */
    static Object array(String type, List<Object> values) {
        Object array = Array.newInstance(boxed(type), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    /** @return {@code text} as a value of the MetaType type (or the Java box of that name) */
    static Object one(String type, String text) {
        return switch (type) {
            case "Long" -> new BigDecimal(text.strip()).longValueExact();
            case "Integer" -> new BigDecimal(text.strip()).intValueExact();
            case "Short" -> new BigDecimal(text.strip()).shortValueExact();
            case "Byte" -> new BigDecimal(text.strip()).byteValueExact();
            case "Double" -> Double.valueOf(text.strip());
            case "Float" -> Float.valueOf(text.strip());
            case "Boolean" -> Boolean.valueOf(text);
            case "Character" -> text.charAt(0);
            case "BigInteger" -> new java.math.BigInteger(text.strip());
            case "BigDecimal" -> new BigDecimal(text.strip());
            default -> text;
        };
    }

    static Class<?> boxed(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "long" -> Long.class;
            case "integer" -> Integer.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "character" -> Character.class;
            default -> String.class;
        };
    }
}
