package cn.taihang.bridge.module;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

/** What a {@link BridgeModule} may use. */
public interface BridgeContext {

    /** @return the bridge's Vert.x */
    Vertx vertx();

    /**
     * @return the bridge's database (SQLite or PostgreSQL) with its tables already migrated: write pool, read pool,
     *     locks, and what the SQL a service writes must look like
     */
    Storage storage();

    /**
     * @return where the module registers its HTTP routes (under {@code /api/v1/}), each naming who may call it; describe
     *     each in the OpenAPI document with the same {@code security}
     */
    ApiRoutes routes();

    /** @return the meter registry (exposed at {@code /metrics}) */
    MeterRegistry meters();

    /** @return command sending to gateways */
    GatewayCommands commands();

    /**
     * @return every gateway the bridge has heard from, ordered by id, as of now; fails only if the database cannot be
     *     read (modules never read the core's tables themselves)
     */
    Future<List<GatewayInfo>> gateways();

    /** @return the bridge's data directory (for files other than the database) */
    Path dataDir();

    /**
     * Subscribes to records stored for the first time whose kind starts with {@code kindPrefix}.
     *
     * @param kindPrefix e.g. {@code ticket.} or {@code counter.interval}
     * @param listener called inside the ingest transaction
     */
    void onNewRecords(String kindPrefix, RecordListener listener);
}
