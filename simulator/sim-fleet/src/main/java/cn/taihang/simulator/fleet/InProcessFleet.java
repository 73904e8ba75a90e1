package cn.taihang.simulator.fleet;

import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchException;
import cn.taihang.launcher.LaunchSpec;
import cn.taihang.launcher.Readiness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Gateways as Felix frameworks side by side in this JVM, sharing only the JDK and SLF4J. */
public final class InProcessFleet implements GatewayFleet {

    private final Path bundlesDir;
    private final Map<String, EmbeddedGateway> gateways = new ConcurrentHashMap<>();

    /** @param bundlesDir the distribution's bundles directory */
    public InProcessFleet(Path bundlesDir) {
        this.bundlesDir = bundlesDir;
    }

    @Override
    public Started start(String gatewayId, Path configFile, Path dataDir, Map<String, String> frameworkProperties) throws FleetException {
        try {
            EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(configFile, dataDir, bundlesDir, frameworkProperties, Duration.ofSeconds(20)));
            gateways.put(gatewayId, gateway);
            Readiness readiness = gateway.readiness();
            return new Started(gatewayId, readiness.ready(), readiness.elapsedMillis(), String.join("; ", readiness.problems()));
        } catch (LaunchException e) {
            throw new FleetException("gateway " + gatewayId + " did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(String gatewayId) {
        EmbeddedGateway gateway = gateways.remove(gatewayId);
        if (gateway != null) {
            gateway.stop(Duration.ofSeconds(10));
        }
    }

    @Override
    public void kill(String gatewayId) {
        // a framework in this JVM cannot be killed without running its deactivation; stop it instead
        stop(gatewayId);
    }

    @Override
    public List<String> running() {
        return new ArrayList<>(gateways.keySet());
    }

    @Override
    public long residentBytes() {
        return ProcessMemory.residentBytes(ProcessHandle.current().pid());
    }

    @Override
    public void close() {
        gateways.keySet().parallelStream().forEach(this::stop);
    }
}
