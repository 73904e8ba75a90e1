package cn.taihang.bridge.testing;

import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.storage.BridgeStorage;
import cn.taihang.bridge.storage.PostgresAddress;
import cn.taihang.postgres.LocalPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The storage engines the bridge's contract tests run on. SQLite keeps its file in the test's directory; PostgreSQL
 * is ONE throwaway server per test JVM ({@link LocalPostgres}, started on first use, stopped at exit) with a fresh
 * database per test directory — the same directory gives the same database, so a restart test sees its data again.
 * If PostgreSQL is not installed the PostgreSQL variants fail at once with the command that installs it.
 */
public enum TestStorage {
    /** The embedded default. */
    SQLITE,
    /** PostgreSQL through vertx-pg-client. */
    POSTGRESQL;

    /**
     * @param dir the test's data directory
     * @return options for a bridge on this engine: loopback, free ports, embedded broker
     */
    public BridgeOptions options(Path dir) {
        BridgeOptions sqlite = BridgeOptions.ephemeral(dir);
        return this == SQLITE ? sqlite : sqlite.withDatabase(Server.database(dir));
    }

    /**
     * Opens the storage alone, as the bridge would (every schema migrated), for store-level tests.
     *
     * @param modules each module's name and migrations folder, in order
     */
    public Future<BridgeStorage> open(Vertx vertx, Path dir, List<BridgeStorage.ModuleSchema> modules) {
        BridgeOptions options = options(dir);
        return BridgeStorage.open(vertx, dir, options.database(), modules);
    }

    /** @return a plain JDBC connection to the bridge's database, to look at it as another program would */
    public Connection connect(RunningBridge bridge) throws SQLException {
        return connect(bridge.databaseFile(), bridge.databaseLocation());
    }

    /** @return a plain JDBC connection to the database of the bridge whose data directory is {@code dir} */
    public Connection connect(Path dir) throws SQLException {
        return this == SQLITE ? connect(dir.resolve(BridgeStorage.SQLITE_FILE_NAME), null) : connect(null, Server.database(dir).url());
    }

    private static Connection connect(Path sqliteFile, String postgresUrl) throws SQLException {
        if (sqliteFile != null) {
            return DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
        }
        PostgresAddress a = PostgresAddress.parse(postgresUrl, null);
        return DriverManager.getConnection("jdbc:postgresql://" + a.host() + ":" + a.port() + "/" + a.database(), a.user(), "");
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }

    /** The one PostgreSQL server of this test JVM and its databases by test directory. */
    private static final class Server {
        private static final Map<Path, PostgresAddress> DATABASES = new ConcurrentHashMap<>();
        private static final AtomicInteger NEXT = new AtomicInteger();
        private static volatile LocalPostgres server;

        static PostgresAddress database(Path dir) {
            return DATABASES.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
                LocalPostgres pg = server();
                String name = pg.createDatabase("bridge_test_" + NEXT.incrementAndGet());
                return PostgresAddress.parse(pg.url(name), null).withPoolSize(4);
            });
        }

        private static LocalPostgres server() {
            if (server == null) {
                synchronized (Server.class) {
                    if (server == null) {
                        server = LocalPostgres.start(LocalPostgres.Durability.THROWAWAY);
                    }
                }
            }
            return server;
        }
    }
}
