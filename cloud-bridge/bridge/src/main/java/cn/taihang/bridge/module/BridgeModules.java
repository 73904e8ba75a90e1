package cn.taihang.bridge.module;

import java.util.List;

/** The modules every bridge runs, in start order. */
public final class BridgeModules {

    private BridgeModules() {
    }

    /** @return new instances of every module */
    public static List<BridgeModule> all() {
        return List.of();
    }
}
