package cn.taihang.bridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real SQLite file, seen through a second, plain JDBC connection as another process would. */
@Tag("loopback")
@ExtendWith(VertxExtension.class)
class BridgeDatabaseTest {

    @TempDir
    Path dir;
    Vertx vertx;

    @BeforeEach
    void vertx(Vertx injected) {
        vertx = injected;
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(BridgeDatabase.FILE_NAME));
             var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void createsTheSchemaInWalModeWithFullSync() throws Exception {
        BridgeDatabase db = BridgeDatabase.open(vertx, dir).await();
        int sync = db.writer().withTransaction(c -> c.query("PRAGMA synchronous").execute()).await().iterator().next().getInteger(0);
        db.close().await();
        assertThat(sync).as("synchronous=FULL").isEqualTo(2);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(BridgeDatabase.FILE_NAME));
             var st = c.createStatement(); var rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        assertThat(count("SELECT count(*) FROM sqlite_master WHERE name IN ('records', 'rejected', 'gateways')")).isEqualTo(3);
        assertThat(count("PRAGMA user_version")).isEqualTo(1);
    }

    @Test
    void writesInTransactionsAreCommittedOneAfterAnother() throws Exception {
        BridgeDatabase db = BridgeDatabase.open(vertx, dir).await();
        for (int i = 0; i < 3; i++) {
            String id = "gw-" + i;
            db.writer().withTransaction(c -> c.query("INSERT INTO gateways (id, site, last_seen_ms) VALUES ('" + id + "', 's', 0)").execute()).await();
            assertThat(count("SELECT count(*) FROM gateways")).isEqualTo(i + 1);
        }
        db.close().await();
    }

    /** Pins the Vert.x JDBC client behaviour that makes explicit transactions mandatory for writes. */
    @Test
    void aPlainStatementAfterATransactionStaysUncommitted() throws Exception {
        BridgeDatabase db = BridgeDatabase.open(vertx, dir).await();
        db.writer().withTransaction(c -> c.query("INSERT INTO gateways (id, site, last_seen_ms) VALUES ('gw-1', 's', 0)").execute()).await();
        db.writer().query("INSERT INTO gateways (id, site, last_seen_ms) VALUES ('gw-2', 's', 0)").execute().await();
        assertThat(count("SELECT count(*) FROM gateways")).as("if this becomes 2, the client commits plain statements again").isEqualTo(1);
        db.close().await();
    }

    @Test
    void refusesADatabaseFromANewerBridge() throws Exception {
        BridgeDatabase.open(vertx, dir).await().close().await();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(BridgeDatabase.FILE_NAME)); var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> BridgeDatabase.open(vertx, dir).await()).hasMessageContaining("newer").hasMessageContaining("run a newer bridge");
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Files.writeString(dir.resolve(BridgeDatabase.FILE_NAME), "this is somebody's notes, not SQLite ".repeat(100));
        assertThatThrownBy(() -> BridgeDatabase.open(vertx, dir).await()).hasMessageContaining("cannot open the bridge database");
    }
}
