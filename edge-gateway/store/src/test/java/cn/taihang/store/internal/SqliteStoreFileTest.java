package cn.taihang.store.internal;

import static cn.taihang.store.internal.TestRecords.keptFile;
import static cn.taihang.store.internal.TestRecords.publish;
import static cn.taihang.store.internal.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.StoredRecord;
import cn.taihang.testkit.time.ManualClock;
import cn.taihang.wire.records.RecordKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a store on a real file can show: restarts, damaged files, group commit, a full disk. */
@Tag("unit")
class SqliteStoreFileTest {

    @TempDir
    Path dir;

    private StoreSettings settings() {
        return StoreSettings.defaults(dir.resolve("store.db"));
    }

    @Test
    void restartKeepsPendingRecordsCountersAndAHigherSequence() throws Exception {
        List<Long> seqs = new ArrayList<>();
        try (SqliteStore store = SqliteStore.open(settings())) {
            for (int i = 0; i < 5; i++) {
                seqs.add(publish(store, i % 2 == 0 ? Priority.NORMAL : Priority.CRITICAL, i));
            }
            store.claim(3);
            store.acknowledge(new long[] {seqs.get(1)});
            assertThat(store.incrementAndGet("bdSeq")).isEqualTo(1);
            await().atMost(5, TimeUnit.SECONDS).until(() -> store.backlog().get(Priority.CRITICAL).records() == 1);
        }
        try (SqliteStore store = SqliteStore.open(settings())) {
            assertThat(store.inFlight()).isZero();
            assertThat(store.backlog().get(Priority.NORMAL).records()).isEqualTo(3);
            assertThat(store.backlog().get(Priority.CRITICAL).records()).isEqualTo(1);
            assertThat(store.claim(10)).extracting(StoredRecord::seq).containsExactly(seqs.get(3), seqs.get(0), seqs.get(2), seqs.get(4));
            assertThat(store.incrementAndGet("bdSeq")).isEqualTo(2);
            assertThat(publish(store, Priority.BULK, 9)).isGreaterThan(seqs.get(4));
            assertThat(store.health().status()).isEqualTo(HealthReport.Status.UP);
        }
    }

    @Test
    void sequenceIsNeverReusedAfterDeletes() throws Exception {
        long last;
        try (SqliteStore store = SqliteStore.open(settings())) {
            last = publish(store, Priority.HIGH, 1);
            store.claim(1);
            store.acknowledge(new long[] {last});
            await().atMost(5, TimeUnit.SECONDS).until(() -> store.backlog().get(Priority.HIGH).records() == 0);
        }
        try (SqliteStore store = SqliteStore.open(settings())) {
            assertThat(publish(store, Priority.HIGH, 2)).isEqualTo(last + 1);
        }
    }

    @Test
    void freshStoreSeedsTheSequenceFromTheClockInMicroseconds() throws Exception {
        long before = System.currentTimeMillis() * 1000;
        try (SqliteStore store = SqliteStore.open(settings())) {
            long seq = publish(store, Priority.HIGH, 1);
            assertThat(seq).isGreaterThan(before).isLessThan(System.currentTimeMillis() * 1000 + 1000);
        }
    }

    @Test
    void aFileOfGarbageIsKeptAsideAndAFreshStoreTakesOver() throws Exception {
        long old;
        try (SqliteStore store = SqliteStore.open(settings())) {
            old = publish(store, Priority.CRITICAL, 1);
        }
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(settings().file(), garbage);

        try (SqliteStore store = SqliteStore.open(settings())) {
            Path kept = keptFile(dir);
            assertThat(Files.readAllBytes(kept)).isEqualTo(garbage);
            HealthReport health = store.health();
            assertThat(health.status()).isEqualTo(HealthReport.Status.DEGRADED);
            assertThat(health.summary()).contains(kept.toString());
            assertThat(health.details()).containsEntry("keptDamagedFile", kept.toString());
            assertThat(store.backlog().get(Priority.CRITICAL).records()).isZero();
            assertThat(publish(store, Priority.CRITICAL, 2)).isGreaterThan(old);
        }
        try (SqliteStore store = SqliteStore.open(settings())) {
            assertThat(store.health().status()).isEqualTo(HealthReport.Status.UP);
            assertThat(store.backlog().get(Priority.CRITICAL).records()).isEqualTo(1);
        }
    }

    @Test
    void aReplacedStoreSeedsAboveTheReservationEvenWhenTheClockWentBack() throws Exception {
        ManualClock clock = new ManualClock(java.time.Instant.parse("2025-05-01T08:00:00Z"));
        long old;
        try (SqliteStore store = SqliteStore.open(settings(), clock)) {
            old = publish(store, Priority.CRITICAL, 1);
        }
        assertThat(Files.readString(SequenceReservation.fileOf(settings().file())).trim()).isEqualTo(String.valueOf(old - 1 + SequenceReservation.BLOCK));
        Files.write(settings().file(), new byte[8192]);
        clock.advance(java.time.Duration.ofHours(-6));
        try (SqliteStore store = SqliteStore.open(settings(), clock)) {
            assertThat(store.health().details()).containsKey("keptDamagedFile");
            assertThat(publish(store, Priority.CRITICAL, 2)).as("a Pi without RTC boots with an old clock").isGreaterThan(old);
        }
    }

    @Test
    void theReservationIsExtendedBeforeASequenceNumberBeyondItIsCommitted() throws Exception {
        try (SqliteStore store = SqliteStore.open(settings())) {
            publish(store, Priority.HIGH, 1);
        }
        Path reservation = SequenceReservation.fileOf(settings().file());
        long reserved = Long.parseLong(Files.readString(reservation).trim());
        Files.writeString(reservation, "1\n");
        try (SqliteStore store = SqliteStore.open(settings())) {
            long seq = publish(store, Priority.HIGH, 2);
            assertThat(Long.parseLong(Files.readString(reservation).trim())).isGreaterThanOrEqualTo(seq).isGreaterThan(1);
        }
        assertThat(reserved).isPositive();
    }

    @Test
    void concurrentPublishesAreGroupCommitted() throws Exception {
        int threads = 8;
        int perThread = 250;
        ConcurrentLinkedQueue<CompletableFuture<Long>> stages = new ConcurrentLinkedQueue<>();
        try (SqliteStore store = SqliteStore.open(settings())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.execute(() -> {
                    for (int i = 0; i < perThread; i++) {
                        stages.add(store.publish(record(Priority.values()[(thread + i) % 4], i)).toCompletableFuture());
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            Set<Long> seqs = new HashSet<>();
            stages.forEach(s -> seqs.add(s.join()));
            assertThat(seqs).hasSize(threads * perThread);
            assertThat(store.recordsCommitted()).isEqualTo(threads * perThread);
            assertThat(store.commits()).isLessThan(threads * perThread);
            assertThat(store.backlog().values().stream().mapToLong(b -> b.records()).sum()).isEqualTo(threads * perThread);
        }
    }

    @Test
    void aFullDiskFailsThePublishesWithFullAndTheStoreKeepsWorking() throws Exception {
        StoreSettings capped = settings().withQuota(1L << 30, 96 * 1024);
        List<Long> stored = new ArrayList<>();
        OutboxException.Reason reason = null;
        try (SqliteStore store = SqliteStore.open(capped)) {
            for (int i = 0; i < 5000 && reason == null; i++) {
                try {
                    stored.add(store.publish(record(Priority.CRITICAL, i)).toCompletableFuture().get(10, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    reason = ((OutboxException) e.getCause()).reason();
                }
            }
            assertThat(reason).isEqualTo(OutboxException.Reason.FULL);
            assertThat(store.health().status()).isEqualTo(HealthReport.Status.DOWN);
            assertThat(store.health().summary()).contains("Disk full");
            assertThat(store.conditions()).containsExactly(StoreCondition.DISK_FULL);
            assertThat(store.backlog().get(Priority.CRITICAL).records()).isEqualTo(stored.size());

            store.claim(100);
            store.acknowledge(stored.subList(0, 100).stream().mapToLong(Long::longValue).toArray());
            await().atMost(5, TimeUnit.SECONDS).until(() -> store.backlog().get(Priority.CRITICAL).records() == stored.size() - 100);
            assertThat(publish(store, Priority.CRITICAL, 1)).isGreaterThan(stored.get(stored.size() - 1));
            assertThat(store.health().status()).isEqualTo(HealthReport.Status.UP);
            assertThat(store.conditions()).isEmpty();
        }
        try (SqliteStore store = SqliteStore.open(capped)) {
            assertThat(store.health().details()).doesNotContainKey("keptDamagedFile");
            assertThat(store.backlog().get(Priority.CRITICAL).records()).isEqualTo(stored.size() - 100 + 1);
        }
    }

    @Test
    void anUnexpectedFailureInsideACommitFailsThatBatchsPublishesAndWritingGoesOn() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        StoreSettings headroom = settings().withDiskHeadroom(8L << 20);
        java.util.function.LongSupplier free = () -> {
            if (broken.getAndSet(false)) {
                throw new IllegalStateException("statvfs failed");
            }
            return 1L << 30;
        };
        try (SqliteStore store = SqliteStore.open(headroom, java.time.Clock.systemUTC(), free)) {
            long before = publish(store, Priority.NORMAL, 1);
            broken.set(true);
            CompletableFuture<Long> stranded = store.publish(record(Priority.CRITICAL, 2)).toCompletableFuture();
            assertThat(stranded).as("the publish is answered, not left hanging").failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(OutboxException.class)
                    .withMessageContaining("statvfs failed").withMessageContaining("retry");
            assertThat(((OutboxException) stranded.handle((v, e) -> e).get()).reason()).isEqualTo(OutboxException.Reason.UNAVAILABLE);
            assertThat(publish(store, Priority.CRITICAL, 3)).as("writing goes on").isGreaterThan(before);
            assertThat(store.backlog().get(Priority.CRITICAL).records()).as("nothing half-written").isEqualTo(1);
        }
    }

    @Test
    void belowTheDiskHeadroomNewRecordsAreRefusedButAcknowledgementsStillFreeTheStore() throws Exception {
        java.util.concurrent.atomic.AtomicLong free = new java.util.concurrent.atomic.AtomicLong(1L << 30);
        StoreSettings headroom = settings().withDiskHeadroom(8L << 20);
        try (SqliteStore store = SqliteStore.open(headroom, java.time.Clock.systemUTC(), free::get)) {
            long a = publish(store, Priority.CRITICAL, 1);
            long b = publish(store, Priority.NORMAL, 2);
            free.set(4L << 20);
            try {
                store.publish(record(Priority.CRITICAL, 3)).toCompletableFuture().get(10, TimeUnit.SECONDS);
                org.assertj.core.api.Assertions.fail("a record was taken below the headroom");
            } catch (ExecutionException e) {
                OutboxException refusal = (OutboxException) e.getCause();
                assertThat(refusal.reason()).isEqualTo(OutboxException.Reason.FULL);
                assertThat(refusal.getMessage()).contains("4194304 bytes free", "minFreeDiskBytes");
            }
            assertThat(store.conditions()).containsExactly(StoreCondition.DISK_FULL);
            assertThat(store.health().status()).isEqualTo(HealthReport.Status.DOWN);
            cn.taihang.gateway.api.OutboundRecord diskAlarm = new cn.taihang.gateway.api.OutboundRecord("gateway", RecordKinds.ALARM_RAISED, Priority.CRITICAL,
                    java.time.Instant.now(), List.of(cn.taihang.gateway.api.Measurement.text("kind", "store-disk-full")));
            assertThat(store.publish(diskAlarm).toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .as("the alarm saying the disk is full still gets in, within half the headroom").isPositive();

            store.claim(10);
            store.acknowledge(new long[] {a});
            await().atMost(5, TimeUnit.SECONDS).until(() -> store.backlog().get(Priority.CRITICAL).records() == 1);
            free.set(1L << 30);
            assertThat(publish(store, Priority.CRITICAL, 4)).isGreaterThan(b);
            assertThat(store.conditions()).isEmpty();
        }
    }

    @Test
    void publishAfterCloseFailsWithUnavailable() throws Exception {
        SqliteStore store = SqliteStore.open(settings());
        store.close();
        assertThat(TestRecords.refusal(store, record(Priority.HIGH, 1))).isEqualTo(OutboxException.Reason.UNAVAILABLE);
        assertThat(store.health().status()).isEqualTo(HealthReport.Status.DOWN);
    }
}
