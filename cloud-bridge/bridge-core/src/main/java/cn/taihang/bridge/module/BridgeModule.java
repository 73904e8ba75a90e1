package cn.taihang.bridge.module;

import io.vertx.core.Future;
import java.net.URL;

/**
 * A service of the bridge beside ingest and telemetry — tickets, rental, dispatch, signs. The assembled bridge lists
 * its standard modules; each creates its own tables, mounts its routes and subscribes to the records it needs when
 * started, and describes its routes in its part of the OpenAPI document.
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

    /**
     * @return this module's part of the OpenAPI 3.1 document — a YAML map with {@code paths} (its routes, under
     *     {@code /api/v1/}) and {@code components} — or {@code null} for a module without routes
     */
    default URL openApi() {
        return null;
    }

    /** @return completes when the module has stopped */
    default Future<Void> stop() {
        return Future.succeededFuture();
    }
}
