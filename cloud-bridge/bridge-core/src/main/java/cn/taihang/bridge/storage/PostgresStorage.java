package cn.taihang.bridge.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL through vertx-pg-client: a pool of write connections and a smaller one for queries, so the HTTP API never
 * waits for a connection behind ingest. Transactions run side by side (READ COMMITTED) from this and other bridge
 * instances; {@link #lock} is a transaction-scoped advisory lock, seen by every instance on the same database. Commits
 * wait for the server's WAL flush (the server's {@code synchronous_commit}, on by default), so an acknowledgement still
 * means the record is durable.
 */
final class PostgresStorage extends PooledStorage {

    private static final int MAX_READERS = 4;
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final Map<String, String> PLACEHOLDERS = Map.of("blob", "BYTEA", "without_rowid", "");
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";

    private final PostgresAddress address;

    private PostgresStorage(Pool writer, Pool reader, PostgresAddress address) {
        super(writer, reader);
        this.address = address;
    }

    static Future<BridgeStorage> open(Vertx vertx, PostgresAddress address, List<SchemaMigrations.Source> schemas) {
        return vertx.executeBlocking(() -> {
            SchemaMigrations.apply(dataSource(address), "postgresql", PLACEHOLDERS, schemas);
            return null;
        }, false).<BridgeStorage>map(v -> {
            PgConnectOptions connect = new PgConnectOptions().setHost(address.host()).setPort(address.port()).setDatabase(address.database())
                    .setUser(address.user()).setCachePreparedStatements(true);
            if (address.password() != null) {
                connect.setPassword(address.password());
            }
            String name = "bridge-pg-" + System.identityHashCode(connect);
            Pool writer = PgBuilder.pool().with(new PoolOptions().setMaxSize(address.poolSize()).setName(name + "-writer"))
                    .connectingTo(connect).using(vertx).build();
            Pool reader = PgBuilder.pool().with(new PoolOptions().setMaxSize(Math.min(MAX_READERS, address.poolSize())).setName(name + "-reader"))
                    .connectingTo(connect).using(vertx).build();
            return new PostgresStorage(writer, reader, address);
        }).recover(err -> Future.failedFuture(new IllegalStateException("cannot use the PostgreSQL database " + address.url() + ": "
                + reason(err) + " (is the server running and reachable, the database created, the user and password right? check --database)", err)));
    }

    private static String reason(Throwable err) {
        Throwable root = err;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == err || root.getMessage() == null ? String.valueOf(err.getMessage()) : err.getMessage() + "; " + root.getMessage();
    }

    @Override
    public String engine() {
        return "postgresql";
    }

    @Override
    public Future<Void> lock(SqlConnection transaction, String name) {
        return transaction.preparedQuery(LOCK).execute(Tuple.of(name)).mapEmpty();
    }

    /** The pg client answers a batch with a chain of row sets, one per statement ({@link RowSet#next()}). */
    @Override
    public int[] updateCounts(RowSet<Row> batch, int statements) {
        int[] counts = new int[statements];
        RowSet<Row> result = batch;
        for (int i = 0; i < statements && result != null; i++) {
            counts[i] = Math.max(0, result.rowCount());
            result = result.next();
        }
        return counts;
    }

    @Override
    public String location() {
        return address.url();
    }

    @Override
    public Path file() {
        return null;
    }

    @Override
    public Future<Void> ping() {
        return writer().query("SELECT 1").execute().mapEmpty();
    }


    private static PGSimpleDataSource dataSource(PostgresAddress address) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(address.jdbcUrl());
        ds.setUser(address.user());
        if (address.password() != null) {
            ds.setPassword(address.password());
        }
        ds.setConnectTimeout(CONNECT_TIMEOUT_MS / 1000);
        ds.setApplicationName("taihang-bridge migrations");
        return ds;
    }
}
