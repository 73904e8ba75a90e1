package cn.taihang.bridge;

import cn.taihang.bridge.testing.TestSecurity;
import cn.taihang.bridge.module.Scopes;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Nested;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.bridge.testing.ApiClient;
import cn.taihang.bridge.testing.Frames;
import cn.taihang.bridge.testing.Meters;
import cn.taihang.bridge.testing.TestGateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.bridge.ingest.StoreAnomalies;
import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.Topics;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("loopback")
class IngestLoopbackTest {

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
            http = SECURITY.client(bridge, Scopes.TELEMETRY_READ, Scopes.METRICS_READ);
        }

        @AfterEach
        void stop() throws Exception {
            gw.close();
            http.close();
            bridge.close();
        }

        @Test
        void storesRecordsWithTheirValuesAndAcksThemAfterCommit() throws Exception {
            gw.send(List.of(Frames.counter(1, Frames.T0, "lane-1", 12), Frames.counter(2, Frames.T0 + 1000, "lane-2", 7)));

            await().untilAsserted(() -> assertThat(gw.ackedSeqs()).containsExactly(1L, 2L));
            // the ack is sent after the commit: once it is here, the rows must be readable
            JsonArray items = http.json("/api/v1/telemetry").getJsonArray("items");
            assertThat(items).hasSize(2);
            JsonObject first = items.getJsonObject(0);
            assertThat(first.getString("gateway")).isEqualTo("gw-hsr-east-1");
            assertThat(first.getString("site")).isEqualTo("jincheng-hsr-east");
            assertThat(first.getString("device")).isEqualTo("lane-1");
            assertThat(first.getString("kind")).isEqualTo(RecordKinds.COUNTER_INTERVAL);
            assertThat(first.getLong("seq")).isEqualTo(1L);
            assertThat(first.getString("time")).isEqualTo("2024-11-29T06:00:00Z");
            assertThat(first.getInteger("priority")).isEqualTo(2);
            assertThat(first.getBoolean("historical")).isFalse();
            JsonObject values = first.getJsonObject("values");
            assertThat(values.getDouble("count")).isEqualTo(12.0);
            assertThat(values.getDouble("speed")).isEqualTo(16.25);
            assertThat(values.getString("state")).isEqualTo("clear");
            assertThat(values.getBoolean("door")).isTrue();
            assertThat(first.getJsonObject("units").getMap()).containsEntry("count", "count").containsEntry("speed", "m/s").doesNotContainKey("state");
            assertThat(items.getJsonObject(1).getJsonObject("values").getDouble("count")).isEqualTo(7.0);
            assertThat(Meters.count(bridge, "bridge.ingest.records", "outcome", "new")).isEqualTo(2);
        }

        @Test
        void theSameBatchTwiceIsStoredOnceAndAckedTwice() throws Exception {
            List<RecordFrame> batch = Frames.range(100, 104);
            gw.send(batch);
            await().until(() -> gw.acks().size() == 1);
            gw.send(batch);
            await().until(() -> gw.acks().size() == 2);

            long[] all = {100, 101, 102, 103, 104};
            assertThat(gw.acks()).containsExactly(new Ack(all), new Ack(all));
            assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).hasSize(5);
            assertThat(Meters.count(bridge, "bridge.ingest.records", "outcome", "new")).isEqualTo(5);
            assertThat(Meters.count(bridge, "bridge.ingest.records", "outcome", "duplicate")).isEqualTo(5);
            assertThat(Meters.count(bridge, "bridge.ingest.batches", "outcome", "stored")).isEqualTo(2);
        }

        @Test
        void aFailedTransactionIsNotAckedAndStoresNothingOfTheBatch() throws Exception {
            failInsertsOfDevice("poison", true);
            List<RecordFrame> doomed = List.of(Frames.counter(10, Frames.T0, "lane-1", 1), Frames.counter(11, Frames.T0, "poison", 2));
            gw.send(doomed);
            gw.send(List.of(Frames.counter(20, Frames.T0, "lane-1", 3)));

            // acks travel in order: once the later batch's ack is here, an ack of the failed one would have been too
            await().until(() -> gw.ackedSeqs().contains(20L));
            assertThat(gw.ackedSeqs()).containsExactly(20L);
            assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).extracting(o -> ((JsonObject) o).getLong("seq")).containsExactly(20L);
            assertThat(Meters.count(bridge, "bridge.ingest.batches", "outcome", "failed")).isEqualTo(1);

            failInsertsOfDevice("poison", false);
            gw.send(doomed);
            await().until(() -> gw.ackedSeqs().containsAll(Set.of(10L, 11L)));
            assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).hasSize(3);
        }

        /** A trigger that makes the database refuse a record of that device, as a full disk would. */
        private void failInsertsOfDevice(String device, boolean fail) throws Exception {
            try (Connection db = storage.connect(bridge); Statement st = db.createStatement()) {
                if (storage == TestStorage.SQLITE) {
                    st.execute("PRAGMA busy_timeout = 5000");
                    st.execute(fail ? "CREATE TRIGGER disk_says_no BEFORE INSERT ON records WHEN NEW.device = '" + device + "' "
                            + "BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END" : "DROP TRIGGER disk_says_no");
                } else if (fail) {
                    st.execute("CREATE FUNCTION disk_says_no() RETURNS trigger AS $$ BEGIN IF NEW.device = '" + device + "' THEN "
                            + "RAISE EXCEPTION 'simulated write failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
                    st.execute("CREATE TRIGGER disk_says_no BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION disk_says_no()");
                } else {
                    st.execute("DROP TRIGGER disk_says_no ON records");
                }
            }
        }

        @Test
        void malformedPayloadsAreCountedAndDoNotStopTheNextBatch() throws Exception {
            String data = cn.taihang.wire.Topics.data(gw.site, gw.gateway);
            byte[] good = new cn.taihang.wire.BatchCodec().encode(new cn.taihang.wire.DataBatch(gw.gateway, Frames.range(1, 3)));
            gw.sendRaw(data, new byte[] {(byte) 0xff, 0x00, 0x13, 0x37});                         // garbage
            gw.sendRaw(data, java.util.Arrays.copyOf(good, good.length / 2));                     // truncated
            gw.sendRaw(data, new byte[cn.taihang.wire.WireLimits.V1.maxMessageBytes() + 1]);      // oversized
            gw.sendRaw(data, new cn.taihang.wire.BatchCodec().encode(new cn.taihang.wire.DataBatch("gw-someone-else", Frames.range(1, 3))));
            gw.send(List.of(Frames.counter(40, Frames.T0, "lane-1", 5), Frames.badBody(41, Frames.T0)));  // one poison record
            gw.send(Frames.range(50, 51));

            // batches are stored concurrently (up to the broker's in-flight window): the one with the poison record, which
            // also writes the rejected row, may be acknowledged after the later one
            await().until(() -> gw.ackedSeqs().containsAll(Set.of(40L, 41L, 50L, 51L)));
            assertThat(gw.ackedSeqs()).as("poison record acked so it does not loop; refused batches not acked").containsExactly(40L, 41L, 50L, 51L);
            assertThat(Meters.count(bridge, "bridge.ingest.batches", "outcome", "undecodable")).isEqualTo(4);
            assertThat(Meters.count(bridge, "bridge.ingest.rejected", "scope", "batch", "reason", "GATEWAY_MISMATCH")).isEqualTo(1);
            assertThat(Meters.count(bridge, "bridge.ingest.rejected", "scope", "batch", "reason", "TOO_LARGE")).isEqualTo(1);
            assertThat(Meters.count(bridge, "bridge.ingest.rejected", "scope", "record", "reason", "MALFORMED")
                    + Meters.count(bridge, "bridge.ingest.rejected", "scope", "record", "reason", "BAD_STRUCTURE")).isEqualTo(1);
            assertThat(http.json("/api/v1/telemetry").getJsonArray("items")).extracting(o -> ((JsonObject) o).getLong("seq"))
                    .containsExactly(40L, 50L, 51L);
            try (Connection db = storage.connect(bridge);
                 var rs = db.createStatement().executeQuery("SELECT seq, reason, body FROM rejected")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("seq")).isEqualTo(41L);
                assertThat(rs.getString("reason")).isNotBlank();
                assertThat(rs.getBytes("body")).containsExactly(0x9f, 0x01, 0x02);
                assertThat(rs.next()).isFalse();
            }
        }

        @Test
        void healthIsUpWithDatabaseAndMqttAndLivenessAnswers() {
            ApiClient.Answer r = http.get("/health");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().getString("status")).isEqualTo("UP");
            assertThat(r.json().getString("mqtt")).isEqualTo("UP");
            assertThat(r.json().getString("database")).isEqualTo("UP");
            assertThat(r.json().getString("brokerMode")).isEqualTo("embedded");
            assertThat(r.json().getString("broker")).isEqualTo(bridge.brokerUrl());
            assertThat(http.get("/health/ready").json()).isEqualTo(r.json().put("checkedAt", http.get("/health/ready").json().getString("checkedAt")));
            ApiClient.Answer live = http.get("/health/live");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().getString("status")).isEqualTo("UP");
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
