package cn.taihang.bridge.testing;

import cn.taihang.bridge.module.BridgeModule;
import cn.taihang.bridge.storage.BridgeStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A module's tables on a real database, without a bridge: its own Vert.x and the storage with the core's and the
 * module's migrations applied, for store-level tests of a module's listeners and services.
 */
public final class ModuleDatabase implements AutoCloseable {

    private final Vertx vertx;
    private final BridgeStorage storage;

    private ModuleDatabase(Vertx vertx, BridgeStorage storage) {
        this.vertx = vertx;
        this.storage = storage;
    }

    /**
     * @param engine the storage engine
     * @param dir the test's data directory
     * @param module whose migrations make its tables
     */
    public static ModuleDatabase open(TestStorage engine, Path dir, BridgeModule module) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            return new ModuleDatabase(vertx, await(engine.open(vertx, dir, List.of(new BridgeStorage.ModuleSchema(module.name(), module.migrations())))));
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** @return the storage, as the module's services get it */
    public BridgeStorage storage() {
        return storage;
    }

    /** @return what the future completed with, waiting at most 30 s; throws what it failed with */
    public static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            await(storage.close());
        } finally {
            await(vertx.close());
        }
    }
}
