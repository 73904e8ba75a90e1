package cn.taihang.simulator.run;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.counter.domain.LengthClassifier;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.simulator.fleet.FleetException;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.fleet.GatewayPlan;
import cn.taihang.simulator.fleet.InProcessFleet;
import cn.taihang.simulator.fleet.LanePlan;
import cn.taihang.simulator.fleet.ProcessFleet;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.traffic.TrafficDriver;
import cn.taihang.simulator.truth.CountComparison;
import cn.taihang.simulator.truth.GroundTruth;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulated Jincheng network, running: the bridge with its embedded broker, the virtual-wiring
 * harness, a fleet of real gateways booted from their own configuration files, and the traffic over
 * their loops, with the ground truth kept for comparison.
 */
public final class NetworkRun implements AutoCloseable {

    private final RunOptions options;
    private final PrintStream out;
    private final RunningBridge bridge;
    private final HarnessServer harness;
    private final GatewayFleet fleet;
    private final GroundTruth truth;
    private final TrafficDriver traffic;
    private final List<GatewayPlan> plans;
    private final List<GatewayFleet.Started> started;
    private final BridgeClient client;

    private NetworkRun(RunOptions options, PrintStream out, RunningBridge bridge, HarnessServer harness, GatewayFleet fleet, GroundTruth truth,
                       TrafficDriver traffic, List<GatewayPlan> plans, List<GatewayFleet.Started> started) {
        this.options = options;
        this.out = out;
        this.bridge = bridge;
        this.harness = harness;
        this.fleet = fleet;
        this.truth = truth;
        this.traffic = traffic;
        this.plans = plans;
        this.started = started;
        this.client = new BridgeClient(bridge.httpUrl());
    }

    /**
     * Starts everything and the traffic, printing progress.
     *
     * @throws IOException if the bridge, the harness or a gateway cannot start
     */
    public static NetworkRun start(Scenario scenario, RunOptions options, PrintStream out) throws IOException {
        RunningBridge bridge = startBridge(options);
        out.printf("bridge up: %s (MQTT %s)%n", bridge.httpUrl(), bridge.brokerUrl());
        HarnessServer harness = HarnessServer.start();
        GatewayFleet fleet = options.mode() == GatewayFleet.Mode.IN_PROCESS ? new InProcessFleet(options.distDir().resolve("bundles"))
                : new ProcessFleet(options.distDir(), List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1"));
        List<GatewayPlan> plans = SitePicker.pick(scenario, options.gateways()).stream().map(GatewayPlan::forSite).toList();
        List<GatewayFleet.Started> started = new ArrayList<>();
        try {
            int i = 0;
            for (GatewayPlan plan : plans) {
                Path dir = options.runDir().resolve("gateways").resolve(plan.gatewayId());
                Path config = dir.resolve("gateway.json");
                plan.writeConfiguration(config, bridge.brokerUrl(), harness.port(), options.intervalSeconds());
                GatewayFleet.Started s = fleet.start(plan.gatewayId(), config, dir.resolve("data"));
                started.add(s);
                out.printf("  [%2d/%d] %-36s %s in %4d ms  %s%n", ++i, plans.size(), plan.gatewayId(), s.ready() ? "ready" : "NOT READY",
                        s.readyMillis(), plan.site().bilingualName());
                if (!s.ready()) {
                    out.printf("         problems: %s%n", s.detail());
                }
            }
        } catch (FleetException e) {
            fleet.close();
            harness.close();
            bridge.close();
            throw new IOException(e.getMessage(), e);
        }
        GroundTruth truth = new GroundTruth(LengthClassifier.defaults(), options.intervalSeconds());
        TrafficDriver traffic = new TrafficDriver(truth, options.trafficScale(), options.fixedHour(), options.seed(), Clock.systemUTC());
        for (GatewayPlan plan : plans) {
            for (LanePlan lane : plan.lanes()) {
                traffic.addLane(plan, lane, harness.board(plan.gatewayId()));
            }
        }
        traffic.start();
        return new NetworkRun(options, out, bridge, harness, fleet, truth, traffic, plans, started);
    }

    private static RunningBridge startBridge(RunOptions options) throws IOException {
        try {
            BridgeOptions bridgeOptions = BridgeOptions.ephemeral(options.runDir().resolve("bridge")).withHttpPort(options.httpPort());
            return Bridge.start(bridgeOptions).toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("the bridge did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the bridge", e);
        } catch (TimeoutException e) {
            throw new IOException("the bridge did not start within 60 s", e);
        }
    }

    /**
     * Compares the ground truth with the bridge's records for intervals starting in the window.
     *
     * @throws IOException if the bridge's API cannot be read
     */
    public CountComparison compare(Instant from, Instant to) throws IOException {
        var truthCounts = new java.util.TreeMap<>(truth.snapshot());
        truthCounts.keySet().removeIf(k -> k.startMillis() < from.toEpochMilli() || k.startMillis() >= to.toEpochMilli());
        return CountComparison.of(truthCounts, client.counterIntervals(from, to), true);
    }

    /** @return the bridge */
    public RunningBridge bridge() {
        return bridge;
    }

    /** @return the bridge's API client */
    public BridgeClient client() {
        return client;
    }

    /** @return the ground truth so far */
    public GroundTruth truth() {
        return truth;
    }

    /** @return the traffic driver */
    public TrafficDriver traffic() {
        return traffic;
    }

    /** @return the gateway plans */
    public List<GatewayPlan> plans() {
        return plans;
    }

    /** @return how each gateway came up */
    public List<GatewayFleet.Started> started() {
        return started;
    }

    /** @return the fleet */
    public GatewayFleet fleet() {
        return fleet;
    }

    /** @return the options of this run */
    public RunOptions options() {
        return options;
    }

    /** Stops traffic, gateways (cleanly), harness and bridge. */
    @Override
    public void close() {
        traffic.close();
        fleet.close();
        harness.close();
        bridge.close();
        out.flush();
    }
}
