package cn.taihang.sign.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** The configuration object DS would build: the given values, else the MetaType defaults of the annotation. */
final class Configs {

    private Configs() {
    }

    static SignConfig sign(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return (SignConfig) Proxy.newProxyInstance(SignConfig.class.getClassLoader(), new Class<?>[] {SignConfig.class},
                (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    Object value = method.getDefaultValue();
                    if (value == null && method.getReturnType().isArray()) {
                        return Array.newInstance(method.getReturnType().getComponentType(), 0);
                    }
                    return value;
                });
    }
}
