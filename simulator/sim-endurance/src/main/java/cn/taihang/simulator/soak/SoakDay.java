package cn.taihang.simulator.soak;

import java.util.List;
import java.util.Map;

/**
 * The city at the end of one simulated day (day 0: just started).
 *
 * @param day the simulated day
 * @param processes the long-lived processes (the bridge, the never-faulted gateways) by name, in a stable order
 * @param storeBytes the gateways' store files together (database, WAL and shared memory)
 * @param bridgeDatabaseBytes the bridge's database (with its WAL)
 * @param acknowledged records the gateways' outboxes had acknowledged so far
 * @param atBridge synthetic records the bridge held
 * @param faults what was done to the city that day, each a short phrase
 */
public record SoakDay(int day, Map<String, ProcessSample> processes, long storeBytes, long bridgeDatabaseBytes, long acknowledged, long atBridge,
                      List<String> faults) {

    /** Copies. */
    public SoakDay {
        processes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(processes));
        faults = List.copyOf(faults);
    }
}
