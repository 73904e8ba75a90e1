package cn.taihang.store.internal;

import static cn.taihang.store.internal.TestRecords.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.StoredRecord;
import cn.taihang.testkit.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Pi that boots with its clock 10 days behind, keeps two days of records without an uplink, then has its clock stepped
 * forward by NTP: records expire by how long they were really kept (the monotonic clock), not by the wall clock, and not
 * at all while the clock is not known synchronised.
 */
@Tag("unit")
class StoreClockStepTest {

    private static final Duration TTL = Duration.ofDays(7);

    @TempDir
    Path dir;

    private final ManualClock wall = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));
    private final AtomicLong monotonicNanos = new AtomicLong(123_456_789L);
    private final AtomicBoolean synchronised = new AtomicBoolean();

    private SqliteStore open() throws Exception {
        StoreSettings settings = StoreSettings.defaults(dir.resolve("store.db")).withTtl(Priority.NORMAL, TTL).withTtl(Priority.BULK, TTL);
        return SqliteStore.open(settings, wall, monotonicNanos::get, synchronised::get);
    }

    private void runFor(Duration d) {
        monotonicNanos.addAndGet(d.toNanos());
        wall.advance(d);
    }

    private static int expire(SqliteStore store) throws Exception {
        return store.expireNow().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aForwardStepOfTheWallClockExpiresNothingThatHasNotReallyAged() throws Exception {
        try (SqliteStore store = open()) {
            long first = publish(store, Priority.NORMAL, 1);
            runFor(Duration.ofDays(2));
            long second = publish(store, Priority.BULK, 2);
            wall.advance(Duration.ofDays(10));
            synchronised.set(true);

            assertThat(expire(store)).isZero();
            assertThat(store.claim(10)).extracting(StoredRecord::seq).containsExactly(first, second);
            long shownAge = wall.millis() - store.backlog().get(Priority.NORMAL).oldestMillis();
            assertThat(shownAge).isEqualTo(Duration.ofDays(2).toMillis());

            runFor(Duration.ofDays(5).plusHours(1));
            assertThat(expire(store)).as("only the first has been kept 7 days").isEqualTo(1);
            assertThat(store.backlog().get(Priority.NORMAL).records()).isZero();
            assertThat(store.backlog().get(Priority.BULK).records()).isEqualTo(1);
        }
    }

    @Test
    void nothingExpiresWhileTheClockIsNotKnownSynchronised() throws Exception {
        try (SqliteStore store = open()) {
            publish(store, Priority.NORMAL, 1);
            runFor(TTL.plusDays(1));
            assertThat(expire(store)).isZero();
            synchronised.set(true);
            assertThat(expire(store)).isEqualTo(1);
        }
    }

    @Test
    void agesCarryOverARestartWhateverTheWallClockSaysAfterIt() throws Exception {
        synchronised.set(true);
        try (SqliteStore store = open()) {
            publish(store, Priority.NORMAL, 1);
            runFor(Duration.ofDays(4));
        }
        wall.set(Instant.parse("2030-01-01T00:00:00Z"));
        monotonicNanos.set(-5_000_000_000L);
        try (SqliteStore store = open()) {
            assertThat(expire(store)).as("4 days kept so far").isZero();
            runFor(Duration.ofDays(3).plusMinutes(1));
            assertThat(expire(store)).as("7 days kept across the restart").isEqualTo(1);
        }
    }

    @Test
    void acknowledgementsThatFindNoRecordDoNotStayBehind() throws Exception {
        try (SqliteStore store = open()) {
            long seq = publish(store, Priority.NORMAL, 1);
            store.claim(1);
            store.acknowledge(new long[] {seq});
            for (int i = 0; i < 2000; i++) {
                store.acknowledge(new long[] {seq, seq + 1_000 + i, -i});
            }
            await().atMost(10, TimeUnit.SECONDS).until(() -> store.pendingDeletes() == 0);
            assertThat(store.backlog().get(Priority.NORMAL).records()).isZero();
        }
    }
}
