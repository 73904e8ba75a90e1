package cn.taihang.simulator.run;

import cn.taihang.counter.domain.LaneConfig;
import cn.taihang.simulator.fleet.GatewayFleet;
import java.nio.file.Path;

/**
 * How to run a simulated network.
 *
 * @param gateways how many of the scenario's gateways to start (0 or more than the scenario has = all)
 * @param mode in-process or child processes
 * @param httpPort bridge HTTP port (0 = free port)
 * @param intervalSeconds the counters' aggregation interval
 * @param trafficScale traffic volume multiplier on the scenario's real volumes
 * @param fixedHour drive every lane as at this local hour of its daily profile (0–23), or -1 to follow the clock
 * @param seed random seed of the traffic
 * @param runDir where gateway configurations, data and the bridge's database go
 * @param distDir the gateway distribution directory
 * @throws IllegalArgumentException naming the option, the allowed values and what was given, before anything starts
 */
public record RunOptions(int gateways, GatewayFleet.Mode mode, int httpPort, int intervalSeconds, double trafficScale, int fixedHour, long seed, Path runDir,
                         Path distDir) {

    /** The highest traffic multiplier: beyond it the simulated loops would see vehicles overlap. */
    public static final double MAX_TRAFFIC_SCALE = 1000;

    /** Checks every option against what the gateways and the bridge will accept. */
    public RunOptions {
        require(gateways >= 0, "--gateways must be 0 (all) or more, was " + gateways);
        require(mode != null, "--mode must be IN_PROCESS or PROCESSES");
        require(httpPort >= 0 && httpPort <= 65535, "--http-port must be 0 (a free port) to 65535, was " + httpPort);
        require(LaneConfig.dividesAnHour(intervalSeconds),
                "--interval must divide an hour (1 to 3600 s, e.g. 5, 30, 60, 300, 900) so that intervals tile the day, was " + intervalSeconds);
        require(trafficScale > 0 && trafficScale <= MAX_TRAFFIC_SCALE, "--scale must be more than 0 and at most " + (int) MAX_TRAFFIC_SCALE + ", was " + trafficScale);
        require(fixedHour >= -1 && fixedHour <= 23, "--hour must be 0 to 23 (or -1 to follow the clock), was " + fixedHour);
        require(runDir != null && distDir != null, "the run and distribution directories are required");
    }

    private static void require(boolean holds, String problem) {
        if (!holds) {
            throw new IllegalArgumentException(problem);
        }
    }
}
