package cn.taihang.bridge.module;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

/**
 * The bridge's database, whichever engine holds it: SQLite (the embedded default, one file, ONE writer connection) or
 * PostgreSQL (a pool of connections, shared by several bridge instances). Services write their SQL once, in the subset
 * both engines accept:
 * <ul>
 *   <li>placeholders {@code $1 … $n} (numbered; one may appear several times, in any order);</li>
 *   <li>{@code INSERT … ON CONFLICT (key) DO NOTHING} / {@code DO UPDATE SET c = excluded.c}, never {@code INSERT OR
 *       IGNORE / REPLACE}; in {@code DO UPDATE} the stored row's columns are qualified with the table's name
 *       ({@code SET n = t.n + excluded.n}); {@code RETURNING};</li>
 *   <li>{@code CASE WHEN} instead of SQLite's two-argument {@code max()} / PostgreSQL's {@code greatest()};
 *       {@code CAST($1 AS TEXT) IS NULL} for a parameter that may be null and has no other type context;</li>
 *   <li>types {@code TEXT}, {@code INTEGER} (32-bit), {@code BIGINT} (ids, times, counts that may grow),
 *       {@code DOUBLE PRECISION}; booleans as {@code INTEGER} 0/1; tables are made by migrations (see
 *       {@link BridgeModule#migrations()}), never by a service at start.</li>
 * </ul>
 *
 * <p><b>Every write runs in {@code writer().withTransaction(...)}</b> (the Vert.x JDBC client leaves a connection in
 * manual commit after its first transaction, so a plain statement on the SQLite writer would never commit).
 *
 * <p><b>Concurrency.</b> On SQLite all writes are serialised by the single writer; on PostgreSQL transactions run side by
 * side at READ COMMITTED, from this and other bridge instances. A rule that reads and then writes (stock left, a count
 * of uses) must therefore either be one conditional statement ({@code UPDATE … SET sold = sold + 1 WHERE sold < capacity},
 * checking the row count) or take a {@link #lock} first. Uniqueness is the database's keys, never a check in Java.
 */
public interface Storage {

    /** @return the engine's name for logs and errors: {@code sqlite} or {@code postgresql} */
    String engine();

    /**
     * @return the pool every write goes to, in an explicit transaction: SQLite's single writer connection (so writes
     *     never contend), PostgreSQL's pool of connections
     */
    Pool writer();

    /** @return connections for queries that write nothing; on SQLite they are read-only and never wait behind a write */
    Pool reader();

    /**
     * Takes a lock named {@code name}, held until {@code transaction} commits or rolls back: any other transaction taking
     * the same name (in this bridge instance or another) waits until then, and then sees what this one committed. Take
     * several locks in a fixed order (e.g. sorted) so that two transactions never wait for each other.
     *
     * @param transaction a connection inside {@code writer().withTransaction(...)}
     * @param name what is locked, e.g. {@code rental} or {@code ticket:1234}
     * @return completes once the lock is held; fails only if the database does
     */
    Future<Void> lock(SqlConnection transaction, String name);

    /**
     * Reads what {@code preparedQuery(sql).executeBatch(rows)} answered: how many rows each statement of the batch changed
     * (e.g. 0 for an {@code INSERT … ON CONFLICT DO NOTHING} that met an existing key). The engines' clients answer a batch
     * in different shapes; this is the one place that knows.
     *
     * @param batch the batch's result
     * @param statements how many statements (tuples) the batch had
     * @return one count per statement, in batch order
     */
    int[] updateCounts(RowSet<Row> batch, int statements);
}
