package cn.taihang.bridge.signs;

import static cn.taihang.bridge.testing.ModuleDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.module.RecordTimes;
import cn.taihang.bridge.storage.BridgeStorage;
import cn.taihang.bridge.testing.ArrivalOrders;
import cn.taihang.bridge.testing.EngineSuite;
import cn.taihang.bridge.testing.ModuleDatabase;
import cn.taihang.bridge.testing.TestStorage;
import cn.taihang.wire.records.AlarmEvent;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.SignReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signs' record listeners reach the same end state for every arrival order of the same records (cut into batches
 * at random, as resends and reconnecting gateways deliver them), on the bridge's real database.
 */
@Tag("loopback")
class SignsArrivalOrderTest {

    @Nested class OnSqlite extends Contract { OnSqlite() { super(TestStorage.SQLITE); } }

    @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }

    abstract class Contract extends EngineSuite {

        Contract(TestStorage storage) { super(storage); }

        @TempDir
        Path dir;
        ModuleDatabase database;
        BridgeStorage db;
        SignStore store;

        @BeforeEach
        void open() throws Exception {
            database = ModuleDatabase.open(storage, dir, new SignsModule());
            db = database.storage();
            store = new SignStore(db);
        }

        @AfterEach
        void close() throws Exception {
            database.close();
        }

        /** A raise applied after its clear leaves no ice on the boards; a raise after the clear (a new episode) does. */
        @Test
        void roadAlarmsEndTheSameForEveryArrivalOrder() throws Exception {
            List<Function<String, IngestedRecord>> happened = List.of(
                    gw -> alarm(gw, 1, 1_000, RecordKinds.ALARM_RAISED, "fog@vis-1", "fog"),
                    gw -> alarm(gw, 2, 1_000, RecordKinds.ALARM_RAISED, "fog@vis-1", "fog"),
                    gw -> alarm(gw, 3, 2_000, RecordKinds.ALARM_CLEARED, "fog@vis-1", "fog"),
                    gw -> alarm(gw, 4, 1_100, RecordKinds.ALARM_RAISED, "ice@rs-2", "ice"),
                    gw -> alarm(gw, 5, 2_500, RecordKinds.ALARM_CLEARED, "ice@rs-2", "ice"),
                    gw -> alarm(gw, 6, 3_000, RecordKinds.ALARM_RAISED, "fog@vis-1", "fog"));
            Map<String, List<String>> ends = new HashMap<>();
            int n = 0;
            for (List<Function<String, IngestedRecord>> order : ArrivalOrders.of(happened, 240, 16)) {
                String gateway = "gw-" + n++;
                deliver(order.stream().map(f -> f.apply(gateway)).toList(), n, SignsModule::alarms);
                ends.put(gateway, activeAlarms(gateway));
            }
            assertThat(ends).hasSize(240);
            assertThat(new TreeSet<>(ends.values().stream().map(Object::toString).toList())).containsExactly("[fog@vis-1 fog hub-a]");
        }

        /** The newest status by (time, gateway, seq) wins; readings and image are the newest that were reported. */
        @Test
        void signStatusEndsTheSameForEveryArrivalOrder() throws Exception {
            byte[] p0 = "png-0".getBytes(StandardCharsets.US_ASCII);
            byte[] p1 = "png-1".getBytes(StandardCharsets.US_ASCII);
            byte[] p2 = "png-2".getBytes(StandardCharsets.US_ASCII);
            List<Function<String, IngestedRecord>> happened = List.of(
                    sign -> status(sign, 4, 500, "ON", "Z", 5.0, p0),
                    sign -> status(sign, 1, 1_000, "ON", "A", 10.0, p1),
                    sign -> status(sign, 5, 1_500, "ON", "D", null, p2),
                    sign -> status(sign, 2, 2_000, "ON", "B", null, null),
                    sign -> status(sign, 3, 2_000, "PANEL_DOWN", "C", null, null));
            List<String> ends = new ArrayList<>();
            int n = 0;
            for (List<Function<String, IngestedRecord>> order : ArrivalOrders.of(happened, 200, 16)) {
                String sign = "vms-" + n++;
                deliver(order.stream().map(f -> f.apply(sign)).toList(), n,
                        (st, tx, records) -> SignsModule.statuses(st, new RecordTimes(Duration.ofMinutes(10), new SimpleMeterRegistry()), tx, records));
                SignStore.StoredSign stored = await(store.status(sign));
                ends.add(stored.status().state() + " " + stored.status().multi() + " brightness=" + stored.status().brightness() + " png="
                        + new String(stored.status().png(), StandardCharsets.US_ASCII) + "@" + stored.imageMillis());
            }
            assertThat(ends).hasSize(120).containsOnly("PANEL_DOWN C brightness=10.0 png=png-2@1500");
        }

        interface Listener {
            Future<Void> apply(SignStore store, io.vertx.sqlclient.SqlConnection tx, List<IngestedRecord> records);
        }

        private void deliver(List<IngestedRecord> arrival, long seed, Listener listener) throws Exception {
            for (List<IngestedRecord> batch : ArrivalOrders.batches(arrival, new Random(seed))) {
                await(db.writer().withTransaction(tx -> listener.apply(store, tx, batch)));
            }
        }

        private List<String> activeAlarms(String gateway) throws Exception {
            return await(db.reader().preparedQuery("SELECT id, kind, site FROM sign_road_alarms WHERE gateway = $1 AND active = 1 ORDER BY id")
                    .execute(Tuple.of(gateway))).stream().map((Row r) -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2)).toList();
        }

        static IngestedRecord alarm(String gateway, long seq, long time, String kind, String id, String alarmKind) {
            return new IngestedRecord(gateway, "hub-a", seq, "road-1", kind, time, time, 0, false,
                    Map.of(AlarmEvent.ID.name(), id, AlarmEvent.ALARM_KIND.name(), alarmKind, AlarmEvent.SEVERITY.name(), "WARNING",
                            AlarmEvent.MESSAGE.name(), alarmKind), Map.of());
        }

        static IngestedRecord status(String sign, long seq, long time, String state, String multi, Double brightness, byte[] png) {
            Map<String, Object> v = new HashMap<>(Map.of(SignReport.STATE.name(), state, SignReport.WIDTH.name(), 96.0, SignReport.HEIGHT.name(), 32.0,
                    SignReport.MESSAGE.nameOf(0), multi));
            if (brightness != null) {
                v.put(SignReport.BRIGHTNESS.name(), brightness);
            }
            if (png != null) {
                CRC32 crc = new CRC32();
                crc.update(png);
                v.put(SignReport.PNG_BYTES.name(), (double) png.length);
                v.put(SignReport.PNG_CRC.name(), (double) crc.getValue());
                v.put(SignReport.PNG.nameOf(0), Base64.getEncoder().encodeToString(png));
            }
            return new IngestedRecord("gw-1", "hub-a", seq, sign, RecordKinds.SIGN_STATUS, time, time, 1, false, v, Map.of());
        }
    }
}
