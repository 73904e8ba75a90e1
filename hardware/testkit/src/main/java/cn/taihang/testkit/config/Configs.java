package cn.taihang.testkit.config;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration object of a DS component, built outside a framework the way Felix SCR builds it: an instance of
 * the component property type (the MetaType-annotated interface) answering from the given properties, else from the
 * default declared on the interface, so tests run with the same defaults as a gateway. Values are coerced as DS does:
 * a String or Number to the method's number, boolean, char or enum type (an unknown enum name throws
 * {@link IllegalArgumentException} when the method is called), a single value to a one-element array, an array or
 * collection to its first element; a property without value or default is {@code null}, zero, {@code false} or an
 * empty array. Property names follow DS: method {@code _password} reads property {@code .password}.
 */
public final class Configs {

    private Configs() {
    }

    /**
     * @param type the component property type
     * @param properties values by property name; {@code null} values count as absent
     * @return the configuration object
     */
    public static <T> T of(Class<T> type, Map<String, ?> properties) {
        Map<String, Object> copy = new HashMap<>(properties);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> answer(type, copy, method)));
    }

    /**
     * @param type the component property type
     * @param namesAndValues property name, value, name, value, …
     * @return the configuration object
     */
    public static <T> T of(Class<T> type, Object... namesAndValues) {
        return of(type, properties(namesAndValues));
    }

    /** @return a mutable map of name, value, name, value, … */
    public static Map<String, Object> properties(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs, got " + namesAndValues.length + " items");
        }
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** @return the DS property name of a component property type's method, e.g. {@code .password} for {@code _password} */
    public static String propertyName(Method method) {
        String name = method.getName();
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (name.startsWith("$_$", i)) {
                out.append('-');
                i += 2;
            } else if (c == '$') {
                if (i + 1 < name.length() && name.charAt(i + 1) == '$') {
                    out.append('$');
                    i++;
                }
            } else if (c == '_') {
                if (i + 1 < name.length() && name.charAt(i + 1) == '_') {
                    out.append('_');
                    i++;
                } else {
                    out.append('.');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object answer(Class<?> type, Map<String, Object> properties, Method method) {
        return switch (method.getName()) {
            case "annotationType" -> type;
            case "toString" -> type.getSimpleName() + properties;
            case "hashCode" -> properties.hashCode();
            case "equals" -> false;
            default -> {
                Object given = properties.get(propertyName(method));
                yield coerce(given != null ? given : method.getDefaultValue(), method.getReturnType());
            }
        };
    }

    /**
     * @param raw a property value, or {@code null}
     * @param wanted the type a component property type's method returns
     * @return the value as DS would hand it over
     */
    public static Object coerce(Object raw, Class<?> wanted) {
        if (wanted.isArray()) {
            List<?> items = raw == null ? List.of() : raw.getClass().isArray() ? arrayItems(raw) : raw instanceof Collection<?> c ? List.copyOf(c) : List.of(raw);
            Object array = Array.newInstance(wanted.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(array, i, coerce(items.get(i), wanted.getComponentType()));
            }
            return array;
        }
        Object value = raw != null && raw.getClass().isArray() ? (Array.getLength(raw) == 0 ? null : Array.get(raw, 0))
                : raw instanceof Collection<?> c ? c.stream().findFirst().orElse(null) : raw;
        if (value == null) {
            return wanted == boolean.class ? Boolean.FALSE : wanted == char.class ? Character.valueOf('\0') : wanted.isPrimitive() ? scalar(0, wanted) : null;
        }
        return scalar(value, wanted);
    }

    private static List<Object> arrayItems(Object array) {
        Object[] items = new Object[Array.getLength(array)];
        for (int i = 0; i < items.length; i++) {
            items[i] = Array.get(array, i);
        }
        return List.of(items);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object scalar(Object value, Class<?> wanted) {
        if (wanted == String.class) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        if (wanted.isEnum()) {
            return wanted.isInstance(value) ? value : Enum.valueOf((Class<? extends Enum>) wanted, value.toString().trim());
        }
        if (wanted == boolean.class || wanted == Boolean.class) {
            return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString().trim());
        }
        if (wanted == char.class || wanted == Character.class) {
            return value instanceof Character ch ? ch : value.toString().isEmpty() ? '\0' : value.toString().charAt(0);
        }
        if (wanted.isPrimitive() || Number.class.isAssignableFrom(wanted)) {
            return number(value, wanted);
        }
        return value;
    }

    private static Object number(Object value, Class<?> wanted) {
        Number n = value instanceof Number given ? given : parse(value.toString().trim());
        if (wanted == int.class || wanted == Integer.class) {
            return n.intValue();
        }
        if (wanted == long.class || wanted == Long.class) {
            return n.longValue();
        }
        if (wanted == double.class || wanted == Double.class) {
            return n.doubleValue();
        }
        if (wanted == float.class || wanted == Float.class) {
            return n.floatValue();
        }
        if (wanted == short.class || wanted == Short.class) {
            return n.shortValue();
        }
        if (wanted == byte.class || wanted == Byte.class) {
            return n.byteValue();
        }
        throw new IllegalArgumentException("cannot make a " + wanted.getSimpleName() + " of " + value);
    }

    private static Number parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notWhole) {
            return Double.parseDouble(text);
        }
    }
}
