package cn.taihang.bridge.module;

import io.vertx.core.Future;

/**
 * A service of the bridge beside ingest and telemetry — tickets, rental, dispatch, signs. Modules are
 * listed in {@link BridgeModules}; each creates its own tables, mounts its routes and subscribes to
 * the records it needs when started.
 */
public interface BridgeModule {

    /** @return a short name for logs, e.g. {@code tickets} */
    String name();

    /**
     * Starts the module before the bridge subscribes to MQTT and opens HTTP.
     *
     * @return completes when the module is ready; a failure stops the bridge's start with its message
     */
    Future<Void> start(BridgeContext context);

    /** @return completes when the module has stopped */
    default Future<Void> stop() {
        return Future.succeededFuture();
    }
}
