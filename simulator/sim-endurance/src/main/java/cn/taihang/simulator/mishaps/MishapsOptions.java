package cn.taihang.simulator.mishaps;

import java.nio.file.Path;

/**
 * How to run the mishaps scenario.
 *
 * @param ratePerGateway synthetic records per second and gateway
 * @param phaseSeconds how long the city runs between one mishap's steps (a restored backup's age, a clone's life)
 * @param seed randomness of the damage
 * @param drainTimeoutSeconds how long to wait, at the end, for the bridge to hold every acknowledged record
 * @param runDir where everything is kept
 * @param distDir the gateway distribution
 */
public record MishapsOptions(int ratePerGateway, int phaseSeconds, long seed, int drainTimeoutSeconds, Path runDir, Path distDir) {

    /** Validates, naming the option to change. */
    public MishapsOptions {
        if (ratePerGateway < 1 || ratePerGateway > 1000) {
            throw new IllegalArgumentException("--rate must be 1 to 1000 records/s per gateway, was " + ratePerGateway);
        }
        if (phaseSeconds < 2 || phaseSeconds > 3600) {
            throw new IllegalArgumentException("--phase-seconds must be 2 to 3600, was " + phaseSeconds);
        }
        if (drainTimeoutSeconds < 1) {
            throw new IllegalArgumentException("--drain-timeout must be 1 s or more, was " + drainTimeoutSeconds);
        }
    }
}
