package cn.taihang.bridge.module;

import io.vertx.core.Future;
import java.net.URL;

/**
 * A service of the bridge beside ingest and telemetry — tickets, rental, dispatch, signs. The assembled bridge lists
 * its standard modules; each owns its tables through its schema migrations ({@link #migrations()}), mounts its routes
 * and subscribes to the records it needs when started, and describes its routes in its part of the OpenAPI document.
 */
public interface BridgeModule {

    /**
     * @return a short name for logs, e.g. {@code tickets}; with {@link #migrations()}, {@code [a-z][a-z0-9_]*} (it names
     *     the module's schema-history table {@code schema_history_<name>})
     */
    String name();

    /**
     * Where this module's schema migrations are: a class-path folder, e.g. {@code cn/taihang/bridge/tickets/db}, holding
     * Flyway migrations {@code V<n>__<what>.sql} in {@code common/} — written once, in the SQL both engines accept (see
     * {@link Storage}) — and, only for a version that cannot be, the same version in {@code sqlite/} and in
     * {@code postgresql/}. A migration may write {@code ${blob}} for the engine's binary column type. The core applies the
     * core's and then every module's pending migrations, in module order, before any module starts; a module's history
     * is its own (table {@code schema_history_<name>}). Never edit a released migration: add the next version.
     *
     * @return the folder, or {@code null} for a module without tables
     */
    default String migrations() {
        return null;
    }

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
