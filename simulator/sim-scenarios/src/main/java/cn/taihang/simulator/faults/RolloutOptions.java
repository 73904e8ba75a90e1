package cn.taihang.simulator.faults;

import java.nio.file.Path;

/**
 * How to run the rollout scenario.
 *
 * @param gateways gateway processes, one site of each kind in turn (the first is the canary); 0 for the whole city
 * @param cutsPerGateway power cuts (kill -9) per gateway during the good release's update, each at another step
 *     ({@link PowerCuts#STEPS}, taken in turn across gateways); 0 for none
 * @param badRelease whether a bad release follows the good one
 * @param ratePerGateway load records per second and gateway
 * @param linkBytesPerSecond each gateway's 5G link to the release server, bytes per second each way
 * @param downMillis how long a gateway stays without power
 * @param timeoutSeconds how long each rollout may take
 * @param runDir where everything is kept
 * @param distDir the gateway distribution
 * @param faultyBundle the bundle of the bad release (its component fails to activate)
 */
public record RolloutOptions(int gateways, int cutsPerGateway, boolean badRelease, int ratePerGateway, long linkBytesPerSecond, long downMillis,
                             int timeoutSeconds, Path runDir, Path distDir, Path faultyBundle) {

    /** Validates. */
    public RolloutOptions {
        if (gateways < 0 || cutsPerGateway < 0 || cutsPerGateway > PowerCuts.STEPS.size() || ratePerGateway < 1 || linkBytesPerSecond < 1000
                || downMillis < 0 || timeoutSeconds < 30) {
            throw new IllegalArgumentException("need 0+ gateways, 0-" + PowerCuts.STEPS.size() + " cuts per gateway, a rate of 1+ records/s, a link of "
                    + "1000+ bytes/s, a down time of 0+ ms and a timeout of 30+ s");
        }
    }
}
