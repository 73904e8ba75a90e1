package cn.taihang.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.ingest.StoreAnomalies;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A repeated key with other content is a conflict, kept and raised; two runs interleaving are two live stores. */
@Tag("loopback")
class StoreConflictLoopbackTest {

    @RegisterExtension
    static final TestSecurity SECURITY = new TestSecurity();

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        private static final long INCARNATION = 0x1234_5678L;
        private final BatchCodec codec = new BatchCodec();

        @TempDir
        Path dir;
        RunningBridge bridge;
        TestGateway gw;
        ApiClient http;

        @BeforeEach
        void start() throws Exception {
            bridge = BridgeCore.start(SECURITY.secure(storage.options(dir)), List.of()).toCompletableFuture().get();
            gw = TestGateway.online(SECURITY.pki(), bridge.brokerUrl(), "jincheng-hsr-east", "gw-hsr-east-1");
            http = SECURITY.client(bridge, Scopes.TELEMETRY_READ);
        }

        @AfterEach
        void stop() throws Exception {
            gw.close();
            http.close();
            bridge.close();
        }

        private void send(long incarnation, long run, List<RecordFrame> records) throws Exception {
            gw.sendRaw(Topics.data(gw.site, gw.gateway), codec.encode(new DataBatch(gw.gateway, incarnation, run, records)));
        }

        @Test
        void aReissuedKeyWithOtherContentIsKeptAsAConflictAndAckedToItsRunOnly() throws Exception {
            send(INCARNATION, 11, List.of(Frames.counter(1, Frames.T0, "lane-1", 12), Frames.counter(2, Frames.T0, "lane-1", 13)));
            await().until(() -> gw.acks().size() == 1);
            // a restored backup: the same incarnation, numbers reissued with new content (and one true resend)
            send(INCARNATION, 12, List.of(Frames.counter(1, Frames.T0 + 60_000, "lane-1", 40), Frames.counter(2, Frames.T0, "lane-1", 13)));
            await().until(() -> gw.acks().size() == 2);

            assertThat(gw.acks()).containsExactly(new Ack(11, new long[] {1, 2}), new Ack(12, new long[] {1, 2}));
            assertThat(Meters.count(bridge, "bridge.ingest.records", "outcome", "conflict")).isEqualTo(1);
            assertThat(Meters.count(bridge, "bridge.ingest.records", "outcome", "duplicate")).isEqualTo(1);
            assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).as("the first record stays as it was").hasSize(2);
            try (Connection db = storage.connect(bridge); Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT seq, incarnation, time_ms, kept_digest, digest, kept_values_json, body FROM conflicts")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("seq")).isEqualTo(1);
                assertThat(rs.getLong("incarnation")).isEqualTo(INCARNATION);
                assertThat(rs.getLong("time_ms")).isEqualTo(Frames.T0 + 60_000);
                assertThat(rs.getString("kept_digest")).hasSize(64).isNotEqualTo(rs.getString("digest"));
                assertThat(rs.getString("kept_values_json")).contains("12");
                assertThat(rs.getBytes("body")).isEqualTo(Frames.counter(1, Frames.T0 + 60_000, "lane-1", 40).body());
                assertThat(rs.next()).isFalse();
            }
            await().until(() -> securityEvents(StoreAnomalies.RECORD_CONFLICT).size() == 1);
            assertThat(securityEvents(StoreAnomalies.RECORD_CONFLICT).get(0)).contains("#1").contains("restored backup");

            send(INCARNATION, 12, List.of(Frames.counter(1, Frames.T0 + 60_000, "lane-1", 40)));
            await().until(() -> gw.acks().size() == 3);
            assertThat(Meters.count(bridge, "bridge.ingest.records", "outcome", "conflict")).as("counted per arrival").isEqualTo(2);
            try (Connection db = storage.connect(bridge); Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM conflicts")) {
                assertThat(rs.next() && rs.getLong(1) == 1).as("the same conflicting record is kept once").isTrue();
            }
        }

        @Test
        void twoRunsInterleavingRaiseTwoLiveStores() throws Exception {
            send(INCARNATION, 21, List.of(Frames.counter(100, Frames.T0, "lane-1", 1)));
            send(INCARNATION + 1, 22, List.of(Frames.counter(200, Frames.T0, "lane-2", 1)));
            send(INCARNATION, 21, List.of(Frames.counter(101, Frames.T0, "lane-1", 2)));
            await().until(() -> gw.acks().size() == 3);
            await().until(() -> securityEvents(StoreAnomalies.TWO_LIVE_STORES).size() == 1);
            assertThat(securityEvents(StoreAnomalies.TWO_LIVE_STORES).get(0)).contains("a second card with this identity");
            assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).as("nothing of either is lost").hasSize(3);
        }

        @Test
        void versionOneBatchesAreStillStoredAndAckedInVersionOne() throws Exception {
            gw.send(List.of(Frames.counter(7, Frames.T0, "lane-1", 3)));
            await().until(() -> gw.acks().size() == 1);
            assertThat(gw.acks().get(0).run()).isZero();
            assertThat(gw.acks().get(0).seqs()).containsExactly(7);
        }

        private List<String> securityEvents(String reason) throws Exception {
            List<String> details = new ArrayList<>();
            try (Connection db = storage.connect(bridge); Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("SELECT detail FROM security_events WHERE reason = '" + reason + "'")) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
            return details;
        }
    }
}
