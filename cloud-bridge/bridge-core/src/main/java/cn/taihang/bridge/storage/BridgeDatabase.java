package cn.taihang.bridge.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The bridge's SQLite file: ONE writer connection (WAL, {@code synchronous=FULL}: an acknowledgement promises the
 * record survives a power cut) and a small pool of read-only connections for the HTTP API, so queries never wait
 * behind ingest.
 *
 * <p><b>Every write must run in {@code writer().withTransaction(...)}.</b> The Vert.x 5.0.7 JDBC client leaves a
 * connection in {@code autoCommit=false} after its first transaction, so a later "plain" statement on the writer
 * would never be committed (and be lost when the pool closes); {@code BridgeDatabaseTest} pins this.
 */
public final class BridgeDatabase {

    /** File name inside the data directory. */
    public static final String FILE_NAME = "bridge.db";

    private static final int SCHEMA_VERSION = 1;
    private static final int READERS = 2;
    private static final int BUSY_TIMEOUT_MS = 5000;

    private final Pool writer;
    private final Pool reader;
    private final Path file;

    private BridgeDatabase(Pool writer, Pool reader, Path file) {
        this.writer = writer;
        this.reader = reader;
        this.file = file;
    }

    /**
     * Opens (creating if needed) {@value #FILE_NAME} in {@code dataDir} and applies the schema.
     *
     * @return the database; fails if the directory cannot be created or the file is not a bridge database
     */
    public static Future<BridgeDatabase> open(Vertx vertx, Path dataDir) {
        Path file;
        try {
            Files.createDirectories(dataDir);
            file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        } catch (IOException | RuntimeException e) {
            return Future.failedFuture(new IllegalStateException("cannot create data directory " + dataDir.toAbsolutePath()
                    + " (check permissions or pass another --data)", e));
        }
        Pool writer = JDBCPool.pool(vertx, dataSource(file, false), new PoolOptions().setMaxSize(1).setName("bridge-writer-" + System.identityHashCode(file)));
        BridgeDatabase db = new BridgeDatabase(writer, null, file);
        return db.applySchema().compose(v -> {
            Pool reader = JDBCPool.pool(vertx, dataSource(file, true), new PoolOptions().setMaxSize(READERS).setName("bridge-reader-" + System.identityHashCode(file)));
            return Future.succeededFuture(new BridgeDatabase(writer, reader, file));
        }, err -> writer.close().transform(x -> Future.failedFuture(new IllegalStateException(
                "cannot open the bridge database " + file + ": " + err.getMessage() + " (is it another program's file?)", err))));
    }

    /** @return the single writer connection's pool; every write goes here, so writes never contend */
    public Pool writer() {
        return writer;
    }

    /** @return read-only connections for queries */
    public Pool reader() {
        return reader;
    }

    /** @return the database file */
    public Path file() {
        return file;
    }

    /** @return succeeds if the database answers a trivial query on the writer connection (which ingest needs) */
    public Future<Void> ping() {
        return writer.withTransaction(conn -> conn.query("SELECT 1").execute()).mapEmpty();
    }

    /** Closes both pools. */
    public Future<Void> close() {
        Future<Void> r = reader == null ? Future.succeededFuture() : reader.close();
        return Future.join(r, writer.close()).mapEmpty();
    }

    private Future<Void> applySchema() {
        List<String> statements = Arrays.stream(loadSchema().split(";\\s*\\n"))
                .map(s -> s.replaceAll("(?m)^--.*$", "").trim())
                .filter(s -> !s.isEmpty())
                .toList();
        return writer.withTransaction(conn -> conn.query("PRAGMA user_version").execute().compose(rows -> {
            int version = rows.iterator().next().getInteger(0);
            if (version > SCHEMA_VERSION) {
                return Future.failedFuture(new IllegalStateException("database schema version " + version
                        + " is newer than this bridge understands (" + SCHEMA_VERSION + "); run a newer bridge"));
            }
            Future<Void> chain = Future.succeededFuture();
            for (String sql : statements) {
                chain = chain.compose(v -> conn.query(sql).execute().mapEmpty());
            }
            return chain;
        }));
    }

    private static String loadSchema() {
        try (InputStream in = BridgeDatabase.class.getResourceAsStream("schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("schema.sql missing from the bridge jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
