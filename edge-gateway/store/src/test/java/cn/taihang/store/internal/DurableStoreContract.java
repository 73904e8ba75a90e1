package cn.taihang.store.internal;

import static cn.taihang.store.internal.TestRecords.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.gateway.spi.StoredRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every durable store must do across restarts and damage, on top of {@link RecordStoreContract}: restart
 * recovery (pending and in-flight records, order, sequence numbers, counters, accounting, TTL) and corruption
 * (damaged storage set aside with a condition, a fresh store takes over, no reuse of sequence numbers).
 */
abstract class DurableStoreContract extends RecordStoreContract {

    /** Closes the store and opens it again on the same storage, as after a restart (or a crash). */
    protected abstract Subject restart(Subject store, Limits limits) throws Exception;

    /** Closes the store, damages its storage as a failing SD card would, and opens it again. */
    protected abstract Subject damageAndRestart(Subject store, Limits limits) throws Exception;

    @Test
    void pendingAndInFlightRecordsSurviveARestartInClassThenSequenceOrder() throws Exception {
        Subject store = open(Limits.ROOMY);
        long bulk = publish(store, Priority.BULK, 1);
        long normal = publish(store, Priority.NORMAL, 2);
        long critical = publish(store, Priority.CRITICAL, 3);
        long high = publish(store, Priority.HIGH, 4);
        long acked = publish(store, Priority.HIGH, 5);
        store.claim(3);
        store.acknowledge(new long[] {acked});
        await().atMost(5, TimeUnit.SECONDS).until(() -> store.backlog().get(Priority.HIGH).records() == 1);

        Subject again = restart(store, Limits.ROOMY);
        assertThat(again.inFlight()).as("nothing is in flight after a restart").isZero();
        assertThat(again.claim(10)).extracting(StoredRecord::seq).containsExactly(critical, high, normal, bulk);
    }

    @Test
    void aRestartNeverReusesASequenceNumberEvenWhenEverythingWasAcknowledged() throws Exception {
        Subject store = open(Limits.ROOMY);
        long last = 0;
        for (int i = 0; i < 5; i++) {
            last = publish(store, Priority.values()[i % 4], i);
        }
        long[] all = store.claim(10).stream().mapToLong(StoredRecord::seq).toArray();
        store.acknowledge(all);
        await().atMost(5, TimeUnit.SECONDS).until(() -> total(store) == 0);

        Subject again = restart(store, Limits.ROOMY);
        assertThat(publish(again, Priority.NORMAL, 9)).isGreaterThan(last);
    }

    @Test
    void countersAndAccountingSurviveARestart() throws Exception {
        Subject store = open(Limits.ROOMY);
        assertThat(store.incrementAndGet("bdSeq")).isEqualTo(1);
        for (int i = 0; i < 7; i++) {
            publish(store, Priority.values()[i % 4], i);
        }
        Map<Priority, ClassBacklog> before = store.backlog();

        Subject again = restart(store, Limits.ROOMY);
        assertThat(again.backlog()).isEqualTo(before);
        assertThat(again.incrementAndGet("bdSeq")).isEqualTo(2);
        assertThat(again.health().status()).isEqualTo(HealthReport.Status.UP);
    }

    @Test
    void timeToLiveCountsFromStorageTimeAcrossARestart() throws Exception {
        Limits limits = new Limits(64L << 20, Duration.ZERO, Duration.ofHours(1));
        Subject store = open(limits);
        long old = publish(store, Priority.BULK, 1);
        clock.advance(Duration.ofMinutes(50));
        Subject again = restart(store, limits);
        long fresh = publish(again, Priority.BULK, 2);
        clock.advance(Duration.ofMinutes(20));
        assertThat(again.expireNow().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(again.claim(10)).extracting(StoredRecord::seq).containsExactly(fresh).doesNotContain(old);
    }

    @Test
    void damagedStorageIsSetAsideAndAFreshStoreTakesOverWithACondition() throws Exception {
        Subject store = open(Limits.ROOMY);
        long old = 0;
        for (int i = 0; i < 50; i++) {
            old = publish(store, Priority.CRITICAL, i);
        }
        Subject fresh = damageAndRestart(store, Limits.ROOMY);
        List<String> heard = new ArrayList<>();
        fresh.watch((condition, active, detail) -> heard.add(condition + "=" + active));
        assertThat(heard).containsExactly("FILE_REPLACED=true");
        assertThat(fresh.conditions()).containsExactly(StoreCondition.FILE_REPLACED);
        assertThat(fresh.health().status()).isEqualTo(HealthReport.Status.DEGRADED);
        assertThat(total(fresh)).isZero();
        assertThat(publish(fresh, Priority.CRITICAL, 1)).as("no sequence number of the damaged store is reissued").isGreaterThan(old);

        Subject later = restart(fresh, Limits.ROOMY);
        assertThat(later.conditions()).as("the notice clears at the next restart").isEmpty();
        assertThat(later.health().status()).isEqualTo(HealthReport.Status.UP);
        assertThat(total(later)).isEqualTo(1);
    }

    private static long total(Subject store) {
        return store.backlog().values().stream().mapToLong(ClassBacklog::records).sum();
    }
}
