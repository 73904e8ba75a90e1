package cn.taihang.simulator.run;

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
 */
public record RunOptions(int gateways, GatewayFleet.Mode mode, int httpPort, int intervalSeconds, double trafficScale, int fixedHour, long seed, Path runDir,
                         Path distDir) {}
