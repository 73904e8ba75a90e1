package cn.taihang.store.internal;

import static cn.taihang.store.internal.TestRecords.keptFile;
import static cn.taihang.store.internal.TestRecords.publish;
import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.StoredRecord;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's incarnation, and what is salvaged from a damaged file — on real SQLite files. */
@Tag("unit")
class StoreSalvageTest {

    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private StoreSettings settings() {
        return StoreSettings.defaults(dir.resolve("store.db"));
    }

    @Test
    void eachStoreFileHasItsOwnIncarnationKeptAcrossRestartsAndByARestoredCopy() throws Exception {
        long first;
        try (SqliteStore store = SqliteStore.open(settings())) {
            first = store.incarnation();
            publish(store, Priority.HIGH, 1);
        }
        assertThat(first).isNotZero();
        Path backup = dir.resolve("backup.db");
        Files.copy(settings().file(), backup);
        try (SqliteStore store = SqliteStore.open(settings())) {
            assertThat(store.incarnation()).as("after a restart").isEqualTo(first);
        }
        try (SqliteStore other = SqliteStore.open(StoreSettings.defaults(dir.resolve("other.db")))) {
            assertThat(other.incarnation()).as("another store").isNotEqualTo(first).isNotZero();
        }
        Files.copy(backup, settings().file(), StandardCopyOption.REPLACE_EXISTING);
        try (SqliteStore restored = SqliteStore.open(settings())) {
            assertThat(restored.incarnation()).as("a restored copy").isEqualTo(first);
        }
    }

    @Test
    void readableRowsOfAFileWithDamagedPagesAreSalvagedWithTheirSequenceNumbersAndIncarnation() throws Exception {
        Map<Long, byte[]> written = new HashMap<>();
        long incarnation;
        long last = 0;
        try (SqliteStore store = SqliteStore.open(settings())) {
            incarnation = store.incarnation();
            for (int i = 0; i < 400; i++) {
                last = publish(store, i % 5 == 0 ? Priority.CRITICAL : Priority.NORMAL, i);
            }
            for (StoredRecord r : store.claim(400)) {
                written.put(r.seq(), r.body());
            }
        }
        Path file = settings().file();
        assertThat(Files.size(file)).isGreaterThan(12L * PAGE);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[2 * PAGE];
            new Random(11).nextBytes(junk);
            raf.seek(4L * PAGE);
            raf.write(junk);
        }

        try (SqliteStore store = SqliteStore.open(settings())) {
            assertThat(keptFile(dir)).exists();
            assertThat(store.conditions()).containsExactly(StoreCondition.FILE_REPLACED);
            assertThat(store.health().status()).isEqualTo(HealthReport.Status.DEGRADED);
            assertThat(store.incarnation()).as("the salvaged rows keep their store's incarnation").isEqualTo(incarnation);
            List<StoredRecord> salvaged = store.claim(1000);
            assertThat(salvaged.size()).as("readable rows survive").isBetween(300, 399);
            for (StoredRecord r : salvaged) {
                assertThat(written).as("seq %d is one of the damaged store's", r.seq()).containsKey(r.seq());
                assertThat(r.body()).isEqualTo(written.get(r.seq()));
            }
            assertThat(store.health().summary()).contains("damaged");
            assertThat(publish(store, Priority.NORMAL, 1)).as("no sequence number is reissued").isGreaterThan(last);
        }
    }

    @Test
    void theAlarmSaysHowManyRowsWereSalvagedAndHowManyWereUnreadable() throws Exception {
        try (SqliteStore store = SqliteStore.open(settings())) {
            for (int i = 0; i < 400; i++) {
                publish(store, Priority.CRITICAL, i);
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(settings().file().toFile(), "rw")) {
            byte[] junk = new byte[PAGE];
            new Random(3).nextBytes(junk);
            raf.seek(6L * PAGE);
            raf.write(junk);
        }
        try (SqliteStore store = SqliteStore.open(settings())) {
            long kept = store.backlog().get(Priority.CRITICAL).records();
            List<String> heard = new ArrayList<>();
            store.watch((condition, active, detail) -> heard.add(detail));
            assertThat(heard).singleElement().asString()
                    .contains(kept + " unacknowledged records were salvaged")
                    .containsPattern("; [1-9][0-9]* records were unreadable");
            assertThat(kept).isBetween(300L, 399L);
        }
    }

    @Test
    void aFileOfGarbageSalvagesNothingAndSaysSo() throws Exception {
        try (SqliteStore store = SqliteStore.open(settings())) {
            publish(store, Priority.CRITICAL, 1);
        }
        byte[] garbage = new byte[16 * PAGE];
        new Random(7).nextBytes(garbage);
        Files.write(settings().file(), garbage);
        try (SqliteStore store = SqliteStore.open(settings())) {
            List<String> heard = new ArrayList<>();
            store.watch((condition, active, detail) -> heard.add(detail));
            assertThat(heard).singleElement().asString().contains("0 unacknowledged records were salvaged").contains("is not known");
            assertThat(store.claim(10)).isEmpty();
        }
    }
}
