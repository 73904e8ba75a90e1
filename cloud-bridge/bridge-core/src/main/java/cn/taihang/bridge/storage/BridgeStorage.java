package cn.taihang.bridge.storage;

import cn.taihang.bridge.module.Storage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

/** The core's handle on the database: the services' {@link Storage}, plus what only the core does with it. */
public interface BridgeStorage extends Storage {

    /** The SQLite file's name inside the data directory. */
    String SQLITE_FILE_NAME = "bridge.db";

    /**
     * Opens the database and brings its schema up to date: the core's migrations, then each module's, in order.
     *
     * @param dataDir the data directory (SQLite keeps {@value #SQLITE_FILE_NAME} there)
     * @param postgres the PostgreSQL database to use instead, or {@code null} for SQLite
     * @param modules each module with tables: its name and the class-path folder of its migrations, in module order
     * @return the open storage; fails with a message that says what to change: the directory cannot be made, the file is
     *     not a bridge database, PostgreSQL cannot be reached or refuses the login, a schema is newer than this bridge
     */
    static Future<BridgeStorage> open(Vertx vertx, Path dataDir, PostgresAddress postgres, List<ModuleSchema> modules) {
        List<SchemaMigrations.Source> sources = new java.util.ArrayList<>();
        sources.add(new SchemaMigrations.Source("core", "cn/taihang/bridge/storage/db"));
        modules.forEach(m -> sources.add(new SchemaMigrations.Source(m.module(), m.folder())));
        return postgres == null ? SqliteStorage.open(vertx, dataDir, sources) : PostgresStorage.open(vertx, postgres, sources);
    }

    /**
     * A module's migrations.
     *
     * @param module the module's name
     * @param folder the class-path folder of its migrations
     */
    record ModuleSchema(String module, String folder) {}

    /** @return where the data is, for operators: the SQLite file, or the PostgreSQL URL without the password */
    String location();

    /** @return the SQLite file, or {@code null} on PostgreSQL */
    Path file();

    /** @return succeeds if the database answers a trivial query on a write connection (which ingest needs) */
    Future<Void> ping();

    /** Closes every connection. */
    Future<Void> close();
}
