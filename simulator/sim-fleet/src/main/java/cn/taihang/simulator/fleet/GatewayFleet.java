package cn.taihang.simulator.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real gateways run for the simulator: each its own Apache Felix framework with the distribution's
 * bundles, booted from its own configuration file and data directory — either side by side in the
 * simulator's JVM ({@link InProcessFleet}) or each as a child JVM ({@link ProcessFleet}).
 */
public interface GatewayFleet extends AutoCloseable {

    /** How a fleet runs its gateways. */
    enum Mode { IN_PROCESS, PROCESSES }

    /**
     * Boots one gateway and returns when it is up (or its readiness timed out).
     *
     * @param gatewayId its id
     * @param configFile its configuration file
     * @param dataDir its data directory
     * @return how it came up
     * @throws FleetException if it could not be started at all
     */
    default Started start(String gatewayId, Path configFile, Path dataDir) throws FleetException {
        return start(gatewayId, configFile, dataDir, Map.of());
    }

    /**
     * Boots one gateway with extra framework properties (e.g. {@code taihang.console.url}).
     *
     * @see #start(String, Path, Path)
     */
    Started start(String gatewayId, Path configFile, Path dataDir, Map<String, String> frameworkProperties) throws FleetException;

    /** Stops a gateway cleanly (it sends its death message). Unknown ids are ignored. */
    void stop(String gatewayId);

    /**
     * Kills a gateway without letting it clean up: {@code kill -9} of its process, or, in process, the
     * abrupt stop of its framework.
     */
    void kill(String gatewayId);

    /** @return ids of the gateways running now */
    List<String> running();

    /** @return resident memory of the gateways in bytes: their processes' sum, or this JVM's for in-process */
    long residentBytes();

    /** Stops every gateway. */
    @Override
    void close();

    /**
     * How a gateway came up.
     *
     * @param gatewayId its id
     * @param ready whether every component came up
     * @param readyMillis launcher start to all components active, as the launcher measured it
     * @param detail problems, if any
     */
    record Started(String gatewayId, boolean ready, long readyMillis, String detail) {}
}
