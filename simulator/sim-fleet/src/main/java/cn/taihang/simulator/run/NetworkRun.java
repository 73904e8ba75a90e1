package cn.taihang.simulator.run;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.counter.domain.LengthClassifier;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.simulator.fleet.ConsolePlan;
import cn.taihang.simulator.fleet.FleetException;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.fleet.GatewayPlan;
import cn.taihang.simulator.fleet.InProcessFleet;
import cn.taihang.simulator.fleet.LanePlan;
import cn.taihang.simulator.fleet.ProcessFleet;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.sensors.SensorKeyProvisioner;
import cn.taihang.simulator.sensors.SensorNetwork;
import cn.taihang.simulator.sensors.Weather;
import cn.taihang.simulator.signs.SignNetworkFile;
import cn.taihang.simulator.signs.SignPlan;
import cn.taihang.simulator.signs.VirtualPanels;
import cn.taihang.simulator.traffic.TrafficDriver;
import cn.taihang.simulator.truth.CountComparison;
import cn.taihang.simulator.truth.GroundTruth;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulated Jincheng network, running: the bridge with its embedded broker, the virtual-wiring
 * harness, a fleet of real gateways booted from their own configuration files, and the traffic over
 * their loops, with the ground truth kept for comparison.
 */
public final class NetworkRun implements AutoCloseable {

    /** How often the virtual sensors report, seconds. */
    static final int SENSOR_REPORT_SECONDS = 10;
    /** How often the bridge composes the hub boards, seconds. */
    static final int SIGN_COMPOSE_SECONDS = 30;

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
    private volatile SensorNetwork sensors;
    private volatile VirtualPanels panels;

    private NetworkRun(RunOptions options, PrintStream out, RunningBridge bridge, HarnessServer harness, GatewayFleet fleet, GroundTruth truth,
                       TrafficDriver traffic, List<GatewayPlan> plans, List<GatewayFleet.Started> started) throws IOException {
        this.options = options;
        this.out = out;
        this.bridge = bridge;
        this.harness = harness;
        this.fleet = fleet;
        this.truth = truth;
        this.traffic = traffic;
        this.plans = plans;
        this.started = started;
        this.client = new BridgeClient(bridge);
    }

    /**
     * Starts everything and the traffic, printing progress.
     *
     * @throws IOException if the bridge, the harness or a gateway cannot start
     */
    public static NetworkRun start(Scenario scenario, RunOptions options, PrintStream out) throws IOException {
        SensorKeyProvisioner provisioner = new SensorKeyProvisioner();
        SignNetworkFile.write(scenario, options.runDir().resolve("bridge"), SIGN_COMPOSE_SECONDS);
        RunningBridge bridge = startBridge(options, provisioner);
        out.printf("bridge up: %s (MQTT %s)%n", bridge.httpUrl(), bridge.brokerUrl());
        out.printf("  TLS with client certificates only: city CA in %s, each gateway enrolled in %s%n", BridgeAccess.pkiDir(options.runDir()),
                BridgeAccess.gatewayIdentityDir(options.runDir(), "<id>"));
        HarnessServer harness = HarnessServer.start();
        GatewayFleet fleet = options.mode() == GatewayFleet.Mode.IN_PROCESS ? new InProcessFleet(options.distDir().resolve("bundles"))
                : new ProcessFleet(options.distDir(), List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1"));
        List<GatewayPlan> plans = SitePicker.pick(scenario, options.gateways()).stream().map(GatewayPlan::forSite).toList();
        SensorNetwork sensorNetwork = SensorNetwork.plan(plans, options.seed());
        VirtualPanels panels = VirtualPanels.attach(harness, plans, options.runDir().resolve("signs"), Clock.systemUTC(),
                cn.taihang.sign.panel.LineFaults::none);
        List<GatewayFleet.Started> started = new ArrayList<>();
        ConsolePlan consoles = ConsolePlan.create();
        String firstConsole = null;
        try {
            int i = 0;
            for (GatewayPlan plan : plans) {
                Path dir = options.runDir().resolve("gateways").resolve(plan.gatewayId());
                Path config = dir.resolve("gateway.json");
                plan.writeConfiguration(config, bridge.brokerUrl(), BridgeAccess.enrolGateway(bridge, options.runDir(), plan.gatewayId(), plan.site().id()),
                        harness.port(), options.intervalSeconds());
                sensorNetwork.configure(plan, config, SENSOR_REPORT_SECONDS);
                SignPlan.configure(plan, config);
                Map<String, String> console = consoles.configure(config);
                firstConsole = firstConsole == null ? console.get("taihang.console.url") : firstConsole;
                GatewayFleet.Started s = fleet.start(plan.gatewayId(), config, dir.resolve("data"), console);
                started.add(s);
                out.printf("  [%2d/%d] %-36s %s in %4d ms  %s%n", ++i, plans.size(), plan.gatewayId(), s.ready() ? "ready" : "NOT READY",
                        s.readyMillis(), plan.site().bilingualName());
                if (!s.ready()) {
                    out.printf("         problems: %s%n", s.detail());
                }
            }
            out.printf("consoles 维护控制台: each gateway's consoleUrl in %s/api/v1/gateways, e.g. %s — user %s, password %s%n",
                    bridge.httpUrl(), firstConsole, ConsolePlan.ADMIN, consoles.password());
        } catch (FleetException e) {
            fleet.close();
            panels.close();
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
        NetworkRun run = new NetworkRun(options, out, bridge, harness, fleet, truth, traffic, plans, started);
        run.sensors = sensorNetwork;
        run.panels = panels;
        try {
            sensorNetwork.start(provisioner.commands(), new Weather(options.seed(), Weather.demoScript(Instant.now(), sensorNetwork.scenicSites())),
                    Duration.ofSeconds(SENSOR_REPORT_SECONDS), Clock.systemUTC());
        } catch (IOException e) {
            run.close();
            throw e;
        }
        return run;
    }

    private static RunningBridge startBridge(RunOptions options, SensorKeyProvisioner provisioner) throws IOException {
        try {
            BridgeOptions bridgeOptions = BridgeAccess.secure(BridgeOptions.ephemeral(options.runDir().resolve("bridge")).withHttpPort(options.httpPort()),
                    options.runDir());
            return Bridge.start(bridgeOptions, List.of(provisioner)).toCompletableFuture().get(60, TimeUnit.SECONDS);
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

    /** @return the virtual 5G sensors at the road posts and the 0 km post */
    public SensorNetwork sensors() {
        return sensors;
    }

    /** @return the virtual LED panels behind the hub boards and roadside signs; pictures in {@code <runDir>/signs/} */
    public VirtualPanels panels() {
        return panels;
    }

    /** @return the options of this run */
    public RunOptions options() {
        return options;
    }

    /** Stops traffic, gateways (cleanly), harness and bridge. */
    @Override
    public void close() {
        traffic.close();
        if (sensors != null) {
            sensors.close();
        }
        if (panels != null) {
            panels.close();
        }
        fleet.close();
        harness.close();
        bridge.close();
        out.flush();
    }
}
