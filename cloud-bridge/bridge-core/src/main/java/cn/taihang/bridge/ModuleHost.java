package cn.taihang.bridge;

import cn.taihang.bridge.fleet.FleetStore;
import cn.taihang.bridge.ingest.RecordListeners;
import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.bridge.module.GatewayInfo;
import cn.taihang.bridge.module.RecordListener;
import cn.taihang.bridge.module.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import cn.taihang.bridge.module.ApiRoutes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and stops the bridge's modules and gives them their {@link BridgeContext}. */
final class ModuleHost implements BridgeContext {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleHost.class);

    private final Vertx vertx;
    private final Storage storage;
    private final ApiRoutes routes;
    private final MeterRegistry meters;
    private final GatewayCommands commands;
    private final Path dataDir;
    private final RecordListeners listeners;
    private final FleetStore fleet;
    private final List<BridgeModule> started = new ArrayList<>();

    /**
     * @param routes the module routes' registration, on the sub-router mounted at {@code /api/v1/}
     */
    ModuleHost(Vertx vertx, Storage storage, ApiRoutes routes, MeterRegistry meters, GatewayCommands commands, Path dataDir,
               RecordListeners listeners, FleetStore fleet) {
        this.fleet = fleet;
        this.vertx = vertx;
        this.storage = storage;
        this.routes = routes;
        this.meters = meters;
        this.commands = commands;
        this.dataDir = dataDir;
        this.listeners = listeners;
    }

    /** @return completes when every module has started, in order; fails with the first failure */
    Future<Void> start(List<BridgeModule> modules) {
        Future<Void> chain = Future.succeededFuture();
        for (BridgeModule module : modules) {
            chain = chain.compose(v -> module.start(this).map(ok -> {
                started.add(module);
                LOG.debug("module {} started", module.name());
                return (Void) null;
            }).recover(e -> Future.failedFuture(new IllegalStateException("the " + module.name() + " module did not start: " + e.getMessage(), e))));
        }
        return chain;
    }

    /** @return completes when every started module has stopped, in reverse order */
    Future<Void> stop() {
        Future<Void> chain = Future.succeededFuture();
        for (int i = started.size() - 1; i >= 0; i--) {
            BridgeModule module = started.get(i);
            chain = chain.eventually(() -> module.stop().onFailure(e -> LOG.warn("module {} did not stop cleanly: {}", module.name(), e.toString())));
        }
        return chain;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public ApiRoutes routes() {
        return routes;
    }

    @Override
    public MeterRegistry meters() {
        return meters;
    }

    @Override
    public GatewayCommands commands() {
        return commands;
    }

    @Override
    public Future<List<GatewayInfo>> gateways() {
        return fleet.list();
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void onNewRecords(String kindPrefix, RecordListener listener) {
        listeners.add(kindPrefix, listener);
    }
}
