package cn.taihang.simulator.tickets;

import cn.taihang.simulator.fleet.GatewayPlan;
import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.simulator.fleet.FleetException;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.fleet.InProcessFleet;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.simulator.run.BridgeClient;
import cn.taihang.wire.records.CommandResult;
import cn.taihang.wire.records.RecordKinds;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ticket network, running: the bridge (with its ticket service and embedded broker), the virtual-wiring
 * harness and real gateways with ticket gates, each booted in this JVM from its own configuration file; a
 * {@link ScanProbe} per gateway plays its scanners. Ready once every gateway holds the bridge's key ring.
 */
public final class TicketNetwork implements AutoCloseable {

    private final RunningBridge bridge;
    private final HarnessServer harness;
    private final GatewayFleet fleet;
    private final Map<String, ScanProbe> probes = new HashMap<>();
    private final BridgeClient client;

    private TicketNetwork(RunningBridge bridge, HarnessServer harness, GatewayFleet fleet) throws IOException {
        this.bridge = bridge;
        this.harness = harness;
        this.fleet = fleet;
        this.client = new BridgeClient(bridge);
    }

    /** Starts the bridge and the harness; {@link #boot} starts gateways. */
    public static TicketNetwork start(Path runDir, Path distDir, int httpPort) throws IOException {
        RunningBridge bridge;
        try {
            bridge = Bridge.start(BridgeAccess.secure(BridgeOptions.ephemeral(runDir.resolve("bridge")).withHttpPort(httpPort), runDir))
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the bridge did not start: " + e.getMessage(), e);
        }
        HarnessServer harness = HarnessServer.start();
        return new TicketNetwork(bridge, harness, new InProcessFleet(distDir.resolve("bundles")));
    }

    /**
     * Boots the gateways and waits until each one's gates are wired and it applied the bridge's key ring.
     *
     * @throws IOException if a gateway does not come up
     */
    public void boot(List<TicketGatewayPlan> plans, Path runDir, int skewSeconds, int passbackSeconds, PrintStream out)
            throws IOException, InterruptedException {
        for (TicketGatewayPlan plan : plans) {
            Path dir = runDir.resolve("gateways").resolve(plan.gatewayId());
            plan.writeConfiguration(dir.resolve("gateway.json"), bridge.brokerUrl(), BridgeAccess.enrolGateway(bridge, runDir, plan.gatewayId(), plan.site().id()),
                    harness.port(), skewSeconds, passbackSeconds);
            GatewayFleet.Started s;
            try {
                s = fleet.start(plan.gatewayId(), dir.resolve("gateway.json"), dir.resolve("data"));
            } catch (FleetException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (!s.ready()) {
                throw new IOException("gateway " + plan.gatewayId() + " is not ready: " + s.detail());
            }
            VirtualBoard board;
            try {
                board = harness.awaitNode(plan.gatewayId(), Duration.ofSeconds(20));
            } catch (TimeoutException e) {
                throw new IOException(e.getMessage(), e);
            }
            for (GatePlan gate : plan.gates()) {
                if (!board.awaitPortOpen(gate.port(), Duration.ofSeconds(20))) {
                    throw new IOException("gate " + gate.device() + " did not open " + gate.port());
                }
            }
            probes.put(plan.gatewayId(), new ScanProbe(board));
            out.printf("  %-28s ready in %4d ms  %s%n", plan.gatewayId(), s.readyMillis(),
                    plan.gates().stream().map(g -> g.kind().toLowerCase(java.util.Locale.ROOT) + g.places()).toList());
        }
        awaitKeyRing(plans);
    }

    private void awaitKeyRing(List<TicketGatewayPlan> plans) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            java.util.Set<String> applied = new java.util.HashSet<>();
            for (JsonNode row : client.telemetry(RecordKinds.COMMAND_RESULT, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600))) {
                if (row.path("values").path(CommandResult.COMMAND.name()).asText().equals("ticket-keyring") && row.path("values").path(CommandResult.OK.name()).asBoolean()) {
                    applied.add(row.path("gateway").asText());
                }
            }
            if (plans.stream().allMatch(p -> applied.contains(p.gatewayId()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the key ring did not reach every gateway within 60 s; applied at " + applied);
            }
            Thread.sleep(200);
        }
    }

    /** @return the scanner player of a gateway */
    public ScanProbe probe(String gatewayId) {
        return probes.get(gatewayId);
    }

    /** @return the bridge */
    public RunningBridge bridge() {
        return bridge;
    }

    /** @return the bridge's API client */
    public BridgeClient client() {
        return client;
    }

    @Override
    public void close() {
        probes.values().forEach(ScanProbe::close);
        fleet.close();
        harness.close();
        bridge.close();
    }
}
