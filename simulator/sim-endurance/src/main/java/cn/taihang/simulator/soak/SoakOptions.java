package cn.taihang.simulator.soak;

import java.nio.file.Path;

/**
 * How to run the soak.
 *
 * @param days simulated days
 * @param gateways gateway processes; the first half (at least one) is never faulted and is measured for growth, the
 *     rest are killed in turn
 * @param ratePerGateway synthetic records per second and gateway
 * @param daySeconds wall-clock seconds one simulated day is compressed into
 * @param seed randomness of the faults' timing
 * @param drainTimeoutSeconds how long to wait, after the last day, for the bridge to hold every acknowledged record
 * @param runDir where everything is kept
 * @param distDir the gateway distribution
 */
public record SoakOptions(int days, int gateways, int ratePerGateway, int daySeconds, long seed, int drainTimeoutSeconds, Path runDir, Path distDir) {

    /** Validates, naming the option to change. */
    public SoakOptions {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("--days must be 1 to 365, was " + days);
        }
        if (gateways < 1 || gateways > 34) {
            throw new IllegalArgumentException("--gateways must be 1 to 34 (the city's sites), was " + gateways);
        }
        if (ratePerGateway < 1 || ratePerGateway > 1000) {
            throw new IllegalArgumentException("--rate must be 1 to 1000 records/s per gateway, was " + ratePerGateway);
        }
        if (daySeconds < 6 || daySeconds > 86_400) {
            throw new IllegalArgumentException("--day-seconds must be 6 to 86400 (a day needs room for its two faults), was " + daySeconds);
        }
        if (drainTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--drain-timeout must be 1 s or more, was " + drainTimeoutSeconds);
        }
    }

    /** @return how many gateways are never faulted (and measured) */
    public int steadyGateways() {
        return Math.max(1, gateways / 2);
    }
}
