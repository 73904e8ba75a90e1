package cn.taihang.launcher;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Converts JSON values of the configuration file to the Java types ConfigurationAdmin stores. */
final class PropertyValues {

    private PropertyValues() {
    }

    /** Reads the value at the parser's current token: a scalar (String, Long, Double, Boolean) or a list of scalars. */
    static Object read(String where, JsonParser parser) throws IOException, ConfigurationFileException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            List<Object> values = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Object value = scalar(where, parser);
                values.add(value);
            }
            return values;
        }
        return scalar(where, parser);
    }

    private static Object scalar(String where, JsonParser parser) throws IOException, ConfigurationFileException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) parser.getDoubleValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            default -> throw new ConfigurationFileException(where + ": only text, numbers, booleans and arrays of them are allowed, found "
                    + parser.currentToken() + " at line " + parser.currentLocation().getLineNr());
        };
    }

    static Object convert(String where, Object value, String type) throws ConfigurationFileException {
        if (type == null) {
            return untyped(where, value);
        }
        String t = type.trim();
        if (t.endsWith("[]")) {
            if (!(value instanceof List<?> list)) {
                throw new ConfigurationFileException(where + ": declared " + t + " but the value is not a JSON array");
            }
            String element = t.substring(0, t.length() - 2);
            Object array = Array.newInstance(boxedType(where, element), list.size());
            for (int i = 0; i < list.size(); i++) {
                Array.set(array, i, typed(where + "[" + i + "]", list.get(i), element));
            }
            return array;
        }
        if (value instanceof List<?>) {
            throw new ConfigurationFileException(where + ": declared " + t + " but the value is an array; declare " + t + "[]");
        }
        return typed(where, value, t);
    }

    private static Object untyped(String where, Object value) throws ConfigurationFileException {
        if (!(value instanceof List<?> values)) {
            return value;
        }
        if (!values.isEmpty() && values.stream().allMatch(v -> v instanceof Number) && values.stream().anyMatch(v -> v instanceof Double)) {
            return values.stream().map(v -> ((Number) v).doubleValue()).toArray(Double[]::new);
        }
        Class<?> common = values.isEmpty() ? String.class : values.get(0).getClass();
        for (Object v : values) {
            if (v.getClass() != common) {
                throw new ConfigurationFileException(where + ": array mixes types; give it a type, e.g. \""
                        + where.substring(where.lastIndexOf('/') + 1) + ":String[]\"");
            }
        }
        return values.toArray((Object[]) Array.newInstance(common, 0));
    }

    private static Object typed(String where, Object value, String type) throws ConfigurationFileException {
        try {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "string" -> String.valueOf(value);
                case "integer", "int" -> Math.toIntExact(integral(where, value));
                case "long" -> integral(where, value);
                case "double" -> number(where, value).doubleValue();
                case "float" -> number(where, value).floatValue();
                case "boolean" -> {
                    if (!(value instanceof Boolean b)) {
                        throw mismatch(where, value);
                    }
                    yield b;
                }
                default -> throw new ConfigurationFileException(where + ": unknown type '" + type
                        + "' (use String, Integer, Long, Double, Float, Boolean or an array of them)");
            };
        } catch (ArithmeticException e) {
            throw new ConfigurationFileException(where + ": " + value + " does not fit an Integer");
        }
    }

    private static long integral(String where, Object value) throws ConfigurationFileException {
        if (value instanceof Long l) {
            return l;
        }
        throw mismatch(where, value);
    }

    private static Number number(String where, Object value) throws ConfigurationFileException {
        if (value instanceof Number n) {
            return n;
        }
        throw mismatch(where, value);
    }

    private static ConfigurationFileException mismatch(String where, Object value) {
        return new ConfigurationFileException(where + ": value " + value + " does not match its declared type");
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
