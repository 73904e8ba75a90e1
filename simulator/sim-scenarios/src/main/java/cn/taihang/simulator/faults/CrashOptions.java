package cn.taihang.simulator.faults;

import java.nio.file.Path;

/**
 * How to run the crash scenario.
 *
 * @param gateways gateway processes
 * @param killsPerKind faults of each kind (gateway kill -9, broker stop/kill, bridge stop/kill)
 * @param ratePerGateway synthetic records per second and gateway
 * @param seed randomness of the fault plan
 * @param gapMillis {min, max} load time before each fault
 * @param downMillis {min, max} time a component stays down
 * @param drainTimeoutSeconds how long to wait, after the load stops, for the bridge to hold every acknowledged record
 * @param runDir where everything is kept (journals, stores, the bridge's database, logs)
 * @param distDir the gateway distribution
 */
public record CrashOptions(int gateways, int killsPerKind, int ratePerGateway, long seed, long[] gapMillis, long[] downMillis,
                           int drainTimeoutSeconds, Path runDir, Path distDir) {

    /** Validates. */
    public CrashOptions {
        if (gateways < 1 || killsPerKind < 0 || ratePerGateway < 1 || drainTimeoutSeconds < 1) {
            throw new IllegalArgumentException("need at least 1 gateway, 0+ kills, a rate of 1+ records/s and a drain timeout of 1+ s");
        }
        gapMillis = gapMillis.clone();
        downMillis = downMillis.clone();
    }
}
