package cn.taihang.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Converts JSON values of the configuration file to the Java types ConfigurationAdmin stores. */
final class PropertyValues {

    private PropertyValues() {
    }

    static Object convert(String where, JsonNode node, String type) throws ConfigurationFileException {
        if (type == null) {
            return untyped(where, node);
        }
        String t = type.trim();
        if (t.endsWith("[]")) {
            if (!node.isArray()) {
                throw new ConfigurationFileException(where + ": declared " + t + " but the value is not a JSON array");
            }
            String element = t.substring(0, t.length() - 2);
            Class<?> boxed = boxedType(where, element);
            Object array = Array.newInstance(boxed, node.size());
            for (int i = 0; i < node.size(); i++) {
                Array.set(array, i, scalar(where + "[" + i + "]", node.get(i), element));
            }
            return array;
        }
        return scalar(where, node, t);
    }

    private static Object untyped(String where, JsonNode node) throws ConfigurationFileException {
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            for (JsonNode element : node) {
                values.add(untyped(where, element));
            }
            Class<?> common = values.isEmpty() ? String.class : values.get(0).getClass();
            if (values.stream().allMatch(v -> v instanceof Number) && values.stream().anyMatch(v -> v instanceof Double)) {
                return values.stream().map(v -> ((Number) v).doubleValue()).toArray(Double[]::new);
            }
            for (Object v : values) {
                if (v.getClass() != common) {
                    throw new ConfigurationFileException(where + ": array mixes types; give it a type, e.g. \"" + where.substring(where.lastIndexOf('/') + 1) + ":String[]\"");
                }
            }
            return values.toArray((Object[]) Array.newInstance(common, 0));
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw new ConfigurationFileException(where + ": only text, numbers, booleans and arrays of them are allowed, found " + node.getNodeType());
    }

    private static Object scalar(String where, JsonNode node, String type) throws ConfigurationFileException {
        try {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "string" -> requireKind(where, node, node.isValueNode()).asText();
                case "integer", "int" -> Math.toIntExact(requireKind(where, node, node.isIntegralNumber()).longValue());
                case "long" -> requireKind(where, node, node.isIntegralNumber()).longValue();
                case "double" -> requireKind(where, node, node.isNumber()).doubleValue();
                case "float" -> (float) requireKind(where, node, node.isNumber()).doubleValue();
                case "boolean" -> requireKind(where, node, node.isBoolean()).booleanValue();
                default -> throw new ConfigurationFileException(where + ": unknown type '" + type + "' (use String, Integer, Long, Double, Float, Boolean or an array of them)");
            };
        } catch (ArithmeticException e) {
            throw new ConfigurationFileException(where + ": " + node + " does not fit an Integer");
        }
    }

    private static JsonNode requireKind(String where, JsonNode node, boolean ok) throws ConfigurationFileException {
        if (!ok) {
            throw new ConfigurationFileException(where + ": value " + node + " does not match its declared type");
        }
        return node;
    }

    private static Class<?> boxedType(String where, String element) throws ConfigurationFileException {
        return switch (element.toLowerCase(Locale.ROOT)) {
            case "string" -> String.class;
            case "integer", "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            default -> throw new ConfigurationFileException(where + ": unknown array element type '" + element + "'");
        };
    }
}
