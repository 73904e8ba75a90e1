package cn.taihang.bridge;

import io.micrometer.core.instrument.Counter;

/** Reads the bridge's counters in tests. */
final class Meters {

    private Meters() {
    }

    /** @return the counter's count, 0 if it was never incremented */
    static double count(RunningBridge bridge, String name, String... tags) {
        Counter c = bridge.meterRegistry().find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }
}
