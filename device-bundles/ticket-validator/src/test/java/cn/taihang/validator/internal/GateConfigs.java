package cn.taihang.validator.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** GateConfiguration instances as DS would make them: given properties, else the MetaType defaults. */
final class GateConfigs {

    private GateConfigs() {
    }

    static Map<String, Object> scenicGate() {
        Map<String, Object> p = new HashMap<>();
        p.put("device", "wml-gate-1");
        p.put("kind", "SCENIC_ENTRANCE");
        p.put("places", new int[] {2001});
        p.put("scannerPort", "scanner-1");
        p.put("relayPin", 17);
        p.put("greenLedPin", 22);
        p.put("redLedPin", 23);
        p.put("buzzerPin", 24);
        return p;
    }

    static GateConfiguration of(Map<String, Object> properties) {
        return (GateConfiguration) Proxy.newProxyInstance(GateConfiguration.class.getClassLoader(), new Class<?>[] {GateConfiguration.class},
                (proxy, method, args) -> {
                    Object value = properties.get(method.getName());
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    if (method.getReturnType() == cn.taihang.wire.ticket.GateKind.class) {
                        return cn.taihang.wire.ticket.GateKind.valueOf(value.toString());
                    }
                    return value;
                });
    }
}
