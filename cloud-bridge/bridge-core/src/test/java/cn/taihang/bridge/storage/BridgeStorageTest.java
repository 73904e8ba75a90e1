package cn.taihang.bridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.testing.TestStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The storage port on each engine, seen through a second, plain JDBC connection as another program would. */
@Tag("loopback")
@ExtendWith(VertxExtension.class)
class BridgeStorageTest {

    @Nested
    class OnSqlite extends Contract {
        OnSqlite() {
            super(TestStorage.SQLITE);
        }

        @Test
        void writesInWalModeWithFullSync() throws Exception {
            BridgeStorage db = open();
            int sync = db.writer().withTransaction(c -> c.query("PRAGMA synchronous").execute()).await().iterator().next().getInteger(0);
            db.close().await();
            assertThat(sync).as("synchronous=FULL").isEqualTo(2);
            assertThat(text("PRAGMA journal_mode")).isEqualTo("wal");
        }

        /** Pins the Vert.x JDBC client behaviour that makes explicit transactions mandatory for writes. */
        @Test
        void aPlainStatementAfterATransactionStaysUncommitted() throws Exception {
            BridgeStorage db = open();
            db.writer().withTransaction(c -> c.query("INSERT INTO gateways (id, site, last_seen_ms) VALUES ('gw-1', 's', 0)").execute()).await();
            db.writer().query("INSERT INTO gateways (id, site, last_seen_ms) VALUES ('gw-2', 's', 0)").execute().await();
            assertThat(count("SELECT count(*) FROM gateways")).as("if this becomes 2, the client commits plain statements again").isEqualTo(1);
            db.close().await();
        }

        @Test
        void migratesADatabaseFromBeforeMigrationsKeepingItsRows() throws Exception {
            try (InputStream in = getClass().getResourceAsStream("schema-before-migrations.sql");
                 Connection c = engine.connect(dir); var st = c.createStatement()) {
                for (String ddl : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")) {
                    if (!ddl.replaceAll("(?m)^--.*$", "").isBlank()) {
                        st.execute(ddl);
                    }
                }
                st.execute("INSERT INTO gateways (id, site, last_seen_ms) VALUES ('gw-old', 's', 7)");
            }
            open().close().await();
            assertThat(count("SELECT count(*) FROM gateways WHERE id = 'gw-old' AND last_seen_ms = 7")).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM schema_history_core WHERE version = '1' AND success = 1")).isEqualTo(1);
        }

        @Test
        void refusesAFileThatIsNotADatabase() throws Exception {
            Files.writeString(dir.resolve(BridgeStorage.SQLITE_FILE_NAME), "this is somebody's notes, not SQLite ".repeat(100));
            assertThatThrownBy(this::open).hasMessageContaining("cannot open the bridge database");
        }
    }

    @Nested
    class OnPostgresql extends Contract {
        OnPostgresql() {
            super(TestStorage.POSTGRESQL);
        }

        @Test
        void anUnreachableServerIsNamedWithWhatToCheck() throws Exception {
            int closedPort;
            try (var s = new java.net.ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            PostgresAddress nowhere = new PostgresAddress("127.0.0.1", closedPort, "taihang", "bridge", null, 2);
            assertThatThrownBy(() -> BridgeStorage.open(vertx, dir, nowhere, List.of()).await())
                    .hasMessageContaining("cannot use the PostgreSQL database postgresql://bridge@127.0.0.1:" + closedPort + "/taihang")
                    .hasMessageContaining("--database");
        }
    }

    abstract class Contract {
        final TestStorage engine;
        @TempDir
        Path dir;
        Vertx vertx;

        Contract(TestStorage engine) {
            this.engine = engine;
        }

        @BeforeEach
        void vertx(Vertx injected) {
            vertx = injected;
        }

        BridgeStorage open() {
            return engine.open(vertx, dir, List.of()).await();
        }

        long count(String sql) throws Exception {
            try (Connection c = engine.connect(dir); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        String text(String sql) throws Exception {
            try (Connection c = engine.connect(dir); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }

        @Test
        void makesTheSchemaByMigrationAndRecordsIt() throws Exception {
            open().close().await();
            for (String table : List.of("records", "rejected", "gateways")) {
                assertThat(count("SELECT count(*) FROM " + table)).as(table).isZero();
            }
            assertThat(text("SELECT description FROM schema_history_core WHERE version = '1'")).isEqualTo("records rejected gateways");
        }

        @Test
        void writesInTransactionsAreCommittedOneAfterAnother() throws Exception {
            BridgeStorage db = open();
            for (int i = 0; i < 3; i++) {
                String id = "gw-" + i;
                db.writer().withTransaction(c -> c.preparedQuery("INSERT INTO gateways (id, site, last_seen_ms) VALUES ($1, 's', 0)").execute(Tuple.of(id)))
                        .await();
                assertThat(count("SELECT count(*) FROM gateways")).isEqualTo(i + 1);
            }
            db.close().await();
        }

        @Test
        void placeholdersBindByTheirNumberInAnyOrderAndMayRepeat() {
            BridgeStorage db = open();
            db.writer().withTransaction(c -> c.preparedQuery("INSERT INTO gateways (site, id, last_seen_ms, bd_seq) VALUES ($2, $1, $3, $3)")
                    .execute(Tuple.of("gw-1", "site-a", 42L))).await();
            Row row = db.reader().preparedQuery("SELECT id, site, last_seen_ms, bd_seq FROM gateways WHERE id = $1 AND (CAST($2 AS TEXT) IS NULL OR site = $2)")
                    .execute(Tuple.of("gw-1", (Object) null)).await().iterator().next();
            assertThat(List.of(row.getString(0), row.getString(1), row.getLong(2), row.getLong(3))).containsExactly("gw-1", "site-a", 42L, 42L);
            db.close().await();
        }

        @Test
        void aBatchAnswersHowManyRowsEachStatementChanged() {
            BridgeStorage db = open();
            String insert = "INSERT INTO gateways (id, site, last_seen_ms) VALUES ($1, 's', 0) ON CONFLICT DO NOTHING";
            List<Tuple> rows = List.of(Tuple.of("gw-1"), Tuple.of("gw-2"), Tuple.of("gw-1"), Tuple.of("gw-3"));
            int[] counts = db.writer().withTransaction(c -> c.preparedQuery(insert).executeBatch(rows).map(r -> db.updateCounts(r, rows.size()))).await();
            assertThat(counts).containsExactly(1, 1, 0, 1);
            db.close().await();
        }

        @Test
        void aLockSerialisesTransactionsThatReadThenWrite() throws Exception {
            BridgeStorage db = open();
            db.writer().withTransaction(c -> c.query("INSERT INTO gateways (id, site, last_seen_ms) VALUES ('counter', 's', 0)").execute()).await();
            List<Future<Void>> increments = new ArrayList<>();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 20; i++) {
                increments.add(db.writer().withTransaction(c -> db.lock(c, "counter").compose(v -> c.query("SELECT last_seen_ms FROM gateways WHERE id = 'counter'").execute())
                        .compose(r -> c.preparedQuery("UPDATE gateways SET last_seen_ms = $1 WHERE id = 'counter'")
                                .execute(Tuple.of(r.iterator().next().getLong(0) + 1)))).<Void>mapEmpty().onFailure(failures::add));
            }
            Future.join(increments).await();
            assertThat(failures).isEmpty();
            assertThat(count("SELECT last_seen_ms FROM gateways WHERE id = 'counter'")).as("no increment lost").isEqualTo(20);
            db.close().await();
        }

        @Test
        void refusesADatabaseFromANewerBridge() throws Exception {
            open().close().await();
            try (Connection c = engine.connect(dir); var st = c.createStatement()) {
                st.execute("INSERT INTO schema_history_core (installed_rank, version, description, type, script, checksum, installed_by, "
                        + "execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 0, "
                        + (engine == TestStorage.SQLITE ? "1" : "true") + ")");
            }
            assertThatThrownBy(this::open).hasMessageContaining("core schema is at version 99, newer than this bridge knows (6)")
                    .hasMessageContaining("run that bridge (or a newer one)");
        }
    }
}
