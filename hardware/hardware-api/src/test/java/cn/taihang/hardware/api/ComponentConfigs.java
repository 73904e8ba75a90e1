package cn.taihang.hardware.api;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds the configuration object of a DS component outside a framework: an instance of its MetaType
 * annotation interface that answers from a map, and otherwise with the default declared on the
 * interface (so tests use the same defaults as the running gateway).
 */
public final class ComponentConfigs {

    private ComponentConfigs() {
    }

    /**
     * @param type the configuration annotation interface
     * @param properties values by property name (the method name); converted from String when needed
     */
    public static <T> T of(Class<T> type, Map<String, ?> properties) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer(type, properties, method)));
    }

    private static Object answer(Class<?> type, Map<String, ?> properties, Method method) {
        return switch (method.getName()) {
            case "annotationType" -> type;
            case "toString" -> type.getSimpleName() + properties;
            case "hashCode" -> properties.hashCode();
            case "equals" -> false;
            default -> value(properties, method);
        };
    }

    private static Object value(Map<String, ?> properties, Method method) {
        Object raw = properties.containsKey(method.getName()) ? properties.get(method.getName()) : method.getDefaultValue();
        Class<?> wanted = method.getReturnType();
        if (raw == null) {
            return wanted == int.class ? 0 : wanted == long.class ? 0L : wanted == boolean.class ? false : null;
        }
        if (wanted.isInstance(raw) || (wanted == boolean.class && raw instanceof Boolean)) {
            return raw;
        }
        String text = raw.toString().trim();
        if (wanted == int.class) {
            return Integer.parseInt(text);
        }
        if (wanted == long.class) {
            return Long.parseLong(text);
        }
        if (wanted == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
