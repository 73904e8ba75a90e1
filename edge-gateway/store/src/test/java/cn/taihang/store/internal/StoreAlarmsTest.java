package cn.taihang.store.internal;

import static cn.taihang.store.internal.TestRecords.publish;
import static cn.taihang.store.internal.TestRecords.record;
import static cn.taihang.store.internal.TestRecords.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.testkit.gateway.FakeAlarms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's conditions become gateway alarms, also when the alarms service comes after the store or cannot be had
 * at first (it needs the store's outbox).
 */
@Tag("unit")
class StoreAlarmsTest {

    @TempDir
    Path dir;

    /** The alarms service as the store looks it up: the testkit's fake, available or not. */
    static final class AlarmsService implements StoreAlarms.Lookup {
        final FakeAlarms alarms = new FakeAlarms();
        volatile boolean available = true;
        volatile int released;

        @Override
        public Alarms get() {
            return available ? alarms : null;
        }

        @Override
        public void release() {
            released++;
        }
    }

    @Test
    void criticalRecordsFillingTheQuotaRaiseTheStoreFullAlarmAndDrainingClearsIt() throws Exception {
        StoreSettings settings = StoreSettings.defaults(dir.resolve("s.db")).withQuota(1, 0);
        AlarmsService service = new AlarmsService();
        FakeAlarms alarms = service.alarms;
        try (StoreAlarms adapter = new StoreAlarms(Clock.systemUTC());
             SqliteStore store = SqliteStore.open(settings.withQuota(probeSize() * 2, 0))) {
            adapter.bind(service);
            store.watch(adapter);
            long first = publish(store, Priority.CRITICAL, 1);
            publish(store, Priority.CRITICAL, 2);
            assertThat(alarms.active()).isEmpty();

            assertThat(refusal(store, record(Priority.CRITICAL, 3))).isEqualTo(OutboxException.Reason.FULL);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !alarms.active().isEmpty());
            assertThat(alarms.active()).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo("store-full@store");
                assertThat(a.kind()).isEqualTo("store-full");
                assertThat(a.severity()).isEqualTo(AlarmSeverity.CRITICAL);
                assertThat(a.message()).contains("网关存储已满", "Store full", "quotaBytes");
            });

            store.claim(10);
            store.acknowledge(new long[] {first});
            await().atMost(5, TimeUnit.SECONDS).until(() -> alarms.active().isEmpty());
            assertThat(alarms.cleared()).containsExactly("store-full@store");
        }
    }

    @Test
    void aFileReplacedAtStartIsRaisedWhenTheAlarmsServiceArrivesLater() throws Exception {
        Path file = dir.resolve("damaged.db");
        Files.write(file, new byte[8192]);
        try (StoreAlarms adapter = new StoreAlarms(Clock.systemUTC()); SqliteStore store = SqliteStore.open(StoreSettings.defaults(file))) {
            store.watch(adapter);
            AlarmsService service = new AlarmsService();
        FakeAlarms alarms = service.alarms;
            service.available = false;
            adapter.bind(service);
            service.available = true;
            await().atMost(5, TimeUnit.SECONDS).until(() -> !alarms.active().isEmpty());
            assertThat(alarms.active()).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo("store-file-replaced");
                assertThat(a.severity()).isEqualTo(AlarmSeverity.WARNING);
                assertThat(a.message()).contains("damaged.db.damaged-");
            });
            adapter.unbind();
            await().atMost(5, TimeUnit.SECONDS).until(() -> service.released == 1);
        }
    }

    @Test
    void aFullDiskRaisesTheDiskFullAlarmUntilRecordsAreStoredAgain() throws Exception {
        AlarmsService service = new AlarmsService();
        FakeAlarms alarms = service.alarms;
        try (StoreAlarms adapter = new StoreAlarms(Clock.systemUTC());
             SqliteStore store = SqliteStore.open(StoreSettings.defaults(dir.resolve("capped.db")).withQuota(1L << 30, 96 * 1024).withDiskHeadroom(0))) {
            adapter.bind(service);
            store.watch(adapter);
            List<Long> stored = new ArrayList<>();
            for (int i = 0; i < 5000 && refusal(store, record(Priority.CRITICAL, i)) == null; i++) {
                stored.add((long) i);
            }
            await().atMost(5, TimeUnit.SECONDS).until(() -> !alarms.active().isEmpty());
            assertThat(alarms.active()).extracting(Alarm::kind).containsExactly("store-disk-full");
            long[] all = store.claim(100).stream().mapToLong(r -> r.seq()).toArray();
            store.acknowledge(all);
            await().atMost(5, TimeUnit.SECONDS).until(() -> store.backlog().get(Priority.CRITICAL).records() == stored.size() - 100);
            publish(store, Priority.CRITICAL, 1);
            await().atMost(5, TimeUnit.SECONDS).until(() -> alarms.active().isEmpty());
            assertThat(alarms.cleared()).containsExactly("store-disk-full@store");
        }
    }

    private long probeSize() throws Exception {
        try (SqliteStore probe = SqliteStore.open(StoreSettings.defaults(dir.resolve("probe.db")))) {
            publish(probe, Priority.CRITICAL, 1);
            return probe.backlog().get(Priority.CRITICAL).bytes();
        }
    }
}
