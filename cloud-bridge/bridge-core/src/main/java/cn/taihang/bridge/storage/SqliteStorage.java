package cn.taihang.bridge.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one SQLite file with ONE writer connection (WAL, {@code synchronous=FULL}: an acknowledgement
 * promises the record survives a power cut) and a small pool of read-only connections for the HTTP API, so queries never
 * wait behind ingest. The single writer serialises every write, so {@link #lock} has nothing left to do.
 */
final class SqliteStorage extends PooledStorage {

    private static final int READERS = 2;
    private static final int BUSY_TIMEOUT_MS = 5000;
    private static final Map<String, String> PLACEHOLDERS = Map.of("blob", "BLOB", "without_rowid", "WITHOUT ROWID");

    private final Path file;

    private SqliteStorage(Pool writer, Pool reader, Path file) {
        super(writer, reader);
        this.file = file;
    }

    static Future<BridgeStorage> open(Vertx vertx, Path dataDir, List<SchemaMigrations.Source> schemas) {
        Path file;
        try {
            Files.createDirectories(dataDir);
            file = dataDir.resolve(SQLITE_FILE_NAME).toAbsolutePath().normalize();
        } catch (IOException | RuntimeException e) {
            return Future.failedFuture(new IllegalStateException("cannot create data directory " + dataDir.toAbsolutePath()
                    + " (check permissions or pass another --data)", e));
        }
        return vertx.executeBlocking(() -> {
            SchemaMigrations.apply(dataSource(file, false), "sqlite", PLACEHOLDERS, schemas);
            return null;
        }, false).<BridgeStorage>map(v -> {
            String name = "bridge-" + System.identityHashCode(file);
            Pool writer = JDBCPool.pool(vertx, NumberedParameters.rewriting(dataSource(file, false)), new PoolOptions().setMaxSize(1).setName(name + "-writer"));
            Pool reader = JDBCPool.pool(vertx, NumberedParameters.rewriting(dataSource(file, true)), new PoolOptions().setMaxSize(READERS).setName(name + "-reader"));
            return new SqliteStorage(writer, reader, file);
        }).recover(err -> Future.failedFuture(new IllegalStateException("cannot open the bridge database " + file + ": " + err.getMessage()
                + (err.getMessage() != null && err.getMessage().contains("newer") ? "" : " (is it another program's file?)"), err)));
    }

    @Override
    public String engine() {
        return "sqlite";
    }

    @Override
    public Future<Void> lock(SqlConnection transaction, String name) {
        return Future.succeededFuture();
    }

    /** The JDBC client answers a batch with ONE row set holding a row per statement: its update count. */
    @Override
    public int[] updateCounts(RowSet<Row> batch, int statements) {
        int[] counts = new int[statements];
        int i = 0;
        for (Row row : batch) {
            Integer count = row.getInteger(0);
            if (i < statements) {
                counts[i++] = count == null || count < 0 ? 0 : count;
            }
        }
        return counts;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public Future<Void> ping() {
        return writer().withTransaction(conn -> conn.query("SELECT 1").execute()).mapEmpty();
    }


    private static SQLiteDataSource dataSource(Path file, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        }
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }
}
