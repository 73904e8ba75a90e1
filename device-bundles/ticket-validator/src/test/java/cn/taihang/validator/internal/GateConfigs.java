package cn.taihang.validator.internal;

import cn.taihang.testkit.config.Configs;
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
        return Configs.of(GateConfiguration.class, properties);
    }
}
