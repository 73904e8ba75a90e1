package cn.taihang.simulator.province;

import java.nio.file.Path;

/**
 * What a province run does.
 *
 * @param gateways virtual gateways, dealt over the 11 cities, at least 1
 * @param recordsPerSecond records each gateway makes per second, above 0
 * @param seconds how long they make records, at least 1
 * @param instances bridge instances, at least 1 (today only 1 runs: see {@link ProvinceRun#MULTI_INSTANCE_PENDING})
 * @param ackTimeoutSeconds how long a gateway waits for the bridge's acknowledgement before sending again, at least 1
 * @param drainTimeoutSeconds how long the gateways may take after the load to have everything acknowledged, at least 1
 * @param connectsPerSecond how many gateways start per second at the beginning (each connects, and is born), at least 1
 * @param runDir where the CA, the broker, the bridge's database, its log and the chart go
 */
public record ProvinceOptions(int gateways, double recordsPerSecond, int seconds, int instances, int ackTimeoutSeconds, int drainTimeoutSeconds,
                              int connectsPerSecond, Path runDir) {

    /** @throws IllegalArgumentException naming the option out of range */
    public ProvinceOptions {
        require(gateways >= 1, "--gateways must be at least 1, was " + gateways);
        require(recordsPerSecond > 0, "--rate must be above 0 records per second and gateway, was " + recordsPerSecond);
        require(seconds >= 1, "--seconds must be at least 1, was " + seconds);
        require(instances >= 1, "--instances must be at least 1, was " + instances);
        require(ackTimeoutSeconds >= 1, "--ack-timeout must be at least 1 s, was " + ackTimeoutSeconds);
        require(drainTimeoutSeconds >= 1, "--drain-timeout must be at least 1 s, was " + drainTimeoutSeconds);
        require(connectsPerSecond >= 1, "--connects-per-second must be at least 1, was " + connectsPerSecond);
        require(runDir != null, "a run directory is needed");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
