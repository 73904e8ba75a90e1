package cn.taihang.bridge.testing;

import cn.taihang.bridge.RunningBridge;
import io.micrometer.core.instrument.Counter;

/** Reads the bridge's counters in tests. */
public final class Meters {

    private Meters() {
    }

    /** @return the counter's count, 0 if it was never incremented */
    public static double count(RunningBridge bridge, String name, String... tags) {
        Counter c = bridge.meterRegistry().find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
