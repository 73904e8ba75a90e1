package cn.taihang.coap.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotations for tests: the given values, else the MetaType defaults of the interface itself. */
final class Configs {

    private Configs() {
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            Object fallback = method.getDefaultValue();
            if (fallback == null) {
                throw new IllegalStateException("test configuration lacks required " + method.getName());
            }
            return fallback;
        }));
    }
}
