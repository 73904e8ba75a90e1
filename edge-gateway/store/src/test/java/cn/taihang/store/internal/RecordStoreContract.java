package cn.taihang.store.internal;

import static cn.taihang.store.internal.TestRecords.publish;
import static cn.taihang.store.internal.TestRecords.record;
import static cn.taihang.store.internal.TestRecords.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.HealthIndicator;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.DurableCounters;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.gateway.spi.StoredRecord;
import cn.taihang.testkit.time.ManualClock;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.RecordKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, whatever keeps its records: ordering, priorities, quota, TTL, acknowledgement.
 * Implementations extend this class and say how to open one.
 */
abstract class RecordStoreContract {

    /** A store under test with the hooks the contract needs. */
    interface Subject extends Outbox, RecordQueue, DurableCounters, HealthIndicator, AutoCloseable {
        CompletionStage<Integer> expireNow();

        Set<StoreCondition> conditions();

        void watch(StoreCondition.Listener listener);

        @Override
        void close();
    }

    /** Limits for one test. */
    record Limits(long quotaBytes, Duration ttlHigh, Duration ttlBulk) {
        static final Limits ROOMY = new Limits(64L << 20, Duration.ZERO, Duration.ZERO);
    }

    protected final ManualClock clock = new ManualClock(Instant.parse("2025-05-01T08:00:00Z"));
    private final List<Subject> opened = new ArrayList<>();

    /** Opens a new, empty store. */
    protected abstract Subject create(Limits limits) throws Exception;

    protected Subject open(Limits limits) throws Exception {
        return track(create(limits));
    }

    /** Closes the subject at the end of the test. @return it */
    protected Subject track(Subject s) {
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Subject::close);
    }

    @Test
    void sequenceNumbersGrowWithEveryPublish() throws Exception {
        Subject store = open(Limits.ROOMY);
        long a = publish(store, Priority.NORMAL, 1);
        long b = publish(store, Priority.CRITICAL, 2);
        long c = publish(store, Priority.NORMAL, 3);
        assertThat(b).isGreaterThan(a);
        assertThat(c).isGreaterThan(b);
    }

    @Test
    void claimsByClassThenSequence() throws Exception {
        Subject store = open(Limits.ROOMY);
        long bulk = publish(store, Priority.BULK, 1);
        long normal1 = publish(store, Priority.NORMAL, 2);
        long critical = publish(store, Priority.CRITICAL, 3);
        long normal2 = publish(store, Priority.NORMAL, 4);
        long high = publish(store, Priority.HIGH, 5);

        assertThat(store.claim(10)).extracting(StoredRecord::seq).containsExactly(critical, high, normal1, normal2, bulk);
    }

    @Test
    void claimReturnsOnlyRecordsNotInFlightAndReleaseAllReturnsThem() throws Exception {
        Subject store = open(Limits.ROOMY);
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seqs.add(publish(store, Priority.NORMAL, i));
        }
        assertThat(store.claim(2)).extracting(StoredRecord::seq).containsExactly(seqs.get(0), seqs.get(1));
        assertThat(store.inFlight()).isEqualTo(2);
        long late = publish(store, Priority.HIGH, 9);
        assertThat(store.claim(10)).extracting(StoredRecord::seq).containsExactly(late, seqs.get(2), seqs.get(3), seqs.get(4));
        assertThat(store.claim(10)).isEmpty();
        assertThat(store.inFlight()).isEqualTo(6);

        store.releaseAll();
        assertThat(store.inFlight()).isZero();
        assertThat(store.claim(10)).hasSize(6);
    }

    @Test
    void acknowledgeDeletesAndShrinksTheBacklog() throws Exception {
        Subject store = open(Limits.ROOMY);
        long a = publish(store, Priority.HIGH, 1);
        long b = publish(store, Priority.HIGH, 2);
        publish(store, Priority.BULK, 3);
        store.claim(10);
        store.acknowledge(new long[] {a, b, 424242L});

        await().atMost(5, TimeUnit.SECONDS).until(() -> store.backlog().get(Priority.HIGH).records() == 0);
        assertThat(store.backlog().get(Priority.HIGH).bytes()).isZero();
        assertThat(store.backlog().get(Priority.BULK).records()).isEqualTo(1);
        assertThat(store.inFlight()).isEqualTo(1);
        store.releaseAll();
        assertThat(store.claim(10)).extracting(StoredRecord::priority).containsExactly(Priority.BULK);
    }

    @Test
    void acknowledgedRecordsAreNotHandedOutAgainBeforeTheirDeleteCommits() throws Exception {
        Subject store = open(Limits.ROOMY);
        long a = publish(store, Priority.NORMAL, 1);
        long b = publish(store, Priority.NORMAL, 2);
        store.claim(10);
        store.acknowledge(new long[] {a});
        store.releaseAll();
        assertThat(store.claim(10)).extracting(StoredRecord::seq).containsExactly(b);
    }

    @Test
    void backlogCountsRecordsBytesAndOldestPerClass() throws Exception {
        Subject store = open(Limits.ROOMY);
        assertThat(store.backlog()).containsOnlyKeys(Priority.values());
        publish(store, Priority.NORMAL, 1);
        clock.advance(Duration.ofMinutes(5));
        publish(store, Priority.NORMAL, 2);
        var normal = store.backlog().get(Priority.NORMAL);
        assertThat(normal.records()).isEqualTo(2);
        assertThat(normal.bytes()).isGreaterThan(2L * 30);
        assertThat(normal.oldestMillis()).isEqualTo(clock.millis() - Duration.ofMinutes(5).toMillis());
        assertThat(store.backlog().get(Priority.CRITICAL).records()).isZero();
        assertThat(store.backlog().get(Priority.CRITICAL).oldestMillis()).isZero();
    }

    @Test
    void bodyIsTheMeasurementsAsSenmlCbor() throws Exception {
        Subject store = open(Limits.ROOMY);
        publish(store, Priority.HIGH, 17);
        StoredRecord stored = store.claim(1).get(0);
        assertThat(stored.device()).isEqualTo("post-zw-03/lane-1");
        assertThat(stored.kind()).isEqualTo(RecordKinds.COUNTER_INTERVAL);
        assertThat(stored.timeMillis()).isEqualTo(Instant.parse("2025-05-01T08:00:17Z").toEpochMilli());
        assertThat(new SenmlCodec().decodeCbor(stored.body())).containsExactly(
                SenmlRecord.number("count/short", "count", 17), SenmlRecord.flag("loop-ok", true), SenmlRecord.text("lane", "东向 east"));
    }

    @Test
    void quotaEvictsOldestOfLowestClassFirstAndNeverCritical() throws Exception {
        long size = recordSize();
        Subject store = open(new Limits(6 * size, Duration.ZERO, Duration.ZERO));
        long high = publish(store, Priority.HIGH, 7);
        long bulk1 = publish(store, Priority.BULK, 7);
        long normal = publish(store, Priority.NORMAL, 7);
        long bulk2 = publish(store, Priority.BULK, 7);
        long crit1 = publish(store, Priority.CRITICAL, 7);
        long crit2 = publish(store, Priority.CRITICAL, 7);

        long crit3 = publish(store, Priority.CRITICAL, 7);
        assertThat(seqs(store)).containsExactly(crit1, crit2, crit3, high, normal, bulk2).doesNotContain(bulk1);
        long crit4 = publish(store, Priority.CRITICAL, 7);
        long crit5 = publish(store, Priority.CRITICAL, 7);
        assertThat(seqs(store)).containsExactly(crit1, crit2, crit3, crit4, crit5, high);
        long crit6 = publish(store, Priority.CRITICAL, 7);
        assertThat(seqs(store)).containsExactly(crit1, crit2, crit3, crit4, crit5, crit6);
        assertThat(store.backlog().get(Priority.CRITICAL).bytes()).isLessThanOrEqualTo(6 * size);
    }

    @Test
    void aRecordNeverEvictsAMoreImportantOne() throws Exception {
        long size = recordSize();
        Subject store = open(new Limits(3 * size, Duration.ZERO, Duration.ZERO));
        publish(store, Priority.HIGH, 7);
        publish(store, Priority.HIGH, 7);
        long bulk = publish(store, Priority.BULK, 7);
        long bulk2 = publish(store, Priority.BULK, 7);
        assertThat(seqs(store)).contains(bulk2).doesNotContain(bulk);

        assertThat(refusal(store, record(Priority.NORMAL, 7))).isNull();
        assertThat(refusal(store, record(Priority.BULK, 7))).isEqualTo(OutboxException.Reason.FULL);
        assertThat(store.backlog().get(Priority.HIGH).records()).isEqualTo(2);
    }

    @Test
    void onlyCriticalRecordsLeftAndQuotaFullRefusesWithFullAndRaisesTheAlarm() throws Exception {
        long size = recordSize();
        Subject store = open(new Limits(3 * size, Duration.ZERO, Duration.ZERO));
        List<Long> critical = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            critical.add(publish(store, Priority.CRITICAL, 7));
        }
        assertThat(store.health().status()).isNotEqualTo(HealthReport.Status.DOWN);

        assertThat(refusal(store, record(Priority.CRITICAL, 7))).isEqualTo(OutboxException.Reason.FULL);
        assertThat(refusal(store, record(Priority.HIGH, 7))).isEqualTo(OutboxException.Reason.FULL);
        HealthReport health = store.health();
        assertThat(health.status()).isEqualTo(HealthReport.Status.DOWN);
        assertThat(health.summary()).contains("ALARM", "full", "quotaBytes");
        assertThat(seqs(store)).containsExactlyElementsOf(critical);

        store.claim(10);
        store.acknowledge(new long[] {critical.get(0)});
        await().atMost(5, TimeUnit.SECONDS).until(() -> store.health().status() != HealthReport.Status.DOWN);
        assertThat(refusal(store, record(Priority.CRITICAL, 7))).isNull();
    }

    @Test
    void theFullConditionIsToldWhenItComesAndGoes() throws Exception {
        long size = recordSize();
        Subject store = open(new Limits(2 * size, Duration.ZERO, Duration.ZERO));
        List<String> heard = new CopyOnWriteArrayList<>();
        store.watch((condition, active, detail) -> heard.add(condition + "=" + active + ":" + detail));
        long first = publish(store, Priority.CRITICAL, 7);
        publish(store, Priority.CRITICAL, 7);
        assertThat(store.conditions()).isEmpty();

        assertThat(refusal(store, record(Priority.CRITICAL, 7))).isEqualTo(OutboxException.Reason.FULL);
        assertThat(refusal(store, record(Priority.NORMAL, 7))).isEqualTo(OutboxException.Reason.FULL);
        assertThat(store.conditions()).containsExactly(StoreCondition.QUOTA_FULL);
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0)).startsWith("QUOTA_FULL=true:").contains("quotaBytes");

        store.claim(10);
        store.acknowledge(new long[] {first});
        await().atMost(5, TimeUnit.SECONDS).until(() -> store.conditions().isEmpty());
        assertThat(heard).hasSize(2);
        assertThat(heard.get(1)).startsWith("QUOTA_FULL=false");
    }

    @Test
    void alarmRecordsMayUseTheReserveAboveAQuotaFullOfCriticalRecords() throws Exception {
        long size = recordSize();
        Subject store = open(new Limits(3 * size, Duration.ZERO, Duration.ZERO));
        for (int i = 0; i < 3; i++) {
            publish(store, Priority.CRITICAL, 7);
        }
        assertThat(refusal(store, record(Priority.CRITICAL, 7))).isEqualTo(OutboxException.Reason.FULL);
        OutboundRecord alarm = new OutboundRecord("store", RecordKinds.ALARM_RAISED, Priority.CRITICAL, Instant.now(),
                List.of(Measurement.text("kind", "store-full"), Measurement.text("message", "网关存储已满 Store full")));
        assertThat(refusal(store, alarm)).as("the store-full alarm itself gets through").isNull();
        OutboundRecord notCritical = new OutboundRecord("store", RecordKinds.ALARM_RAISED, Priority.HIGH, Instant.now(),
                List.of(Measurement.text("kind", "x")));
        assertThat(refusal(store, notCritical)).as("only critical alarms use the reserve").isEqualTo(OutboxException.Reason.FULL);
        long reserveRecords = 0;
        while (refusal(store, alarm) == null) {
            reserveRecords++;
            assertThat(reserveRecords).as("the reserve is bounded").isLessThan(10_000);
        }
        assertThat(store.backlog().get(Priority.CRITICAL).bytes()).isGreaterThan(3 * size);
    }

    @Test
    void expiredRecordsAreRemovedPerClassAndCriticalIsKept() throws Exception {
        Subject store = open(new Limits(64L << 20, Duration.ofHours(2), Duration.ofHours(1)));
        long critical = publish(store, Priority.CRITICAL, 1);
        long high = publish(store, Priority.HIGH, 2);
        long bulkOld = publish(store, Priority.BULK, 3);
        clock.advance(Duration.ofMinutes(90));
        long bulkNew = publish(store, Priority.BULK, 4);

        assertThat(store.expireNow().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(seqs(store)).containsExactly(critical, high, bulkNew).doesNotContain(bulkOld);
        clock.advance(Duration.ofHours(1000));
        assertThat(store.expireNow().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(seqs(store)).containsExactly(critical);
        assertThat(store.backlog().get(Priority.BULK).records()).isZero();
    }

    @Test
    void expiryForgetsExpiredRecordsThatWereInFlight() throws Exception {
        Subject store = open(new Limits(64L << 20, Duration.ZERO, Duration.ofHours(1)));
        publish(store, Priority.BULK, 1);
        store.claim(10);
        clock.advance(Duration.ofHours(2));
        store.expireNow().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(store.inFlight()).isZero();
    }

    @Test
    void oversizedRecordsFailWithTooLarge() throws Exception {
        Subject store = open(Limits.ROOMY);
        List<Measurement> many = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            many.add(Measurement.text("text-" + i, "x".repeat(60)));
        }
        OutboundRecord huge = new OutboundRecord("sign-1", RecordKinds.SIGN_STATUS, Priority.HIGH, Instant.now(), many);
        assertThat(refusal(store, huge)).isEqualTo(OutboxException.Reason.TOO_LARGE);
        assertThat(store.backlog().get(Priority.HIGH).records()).isZero();
    }

    @Test
    void countersIncrementFromOne() throws Exception {
        Subject store = open(Limits.ROOMY);
        assertThat(store.incrementAndGet("bdSeq")).isEqualTo(1);
        assertThat(store.incrementAndGet("bdSeq")).isEqualTo(2);
        assertThat(store.incrementAndGet("other")).isEqualTo(1);
    }

    @Test
    void listenerHearsOfCommittedRecords() throws Exception {
        Subject store = open(Limits.ROOMY);
        AtomicInteger calls = new AtomicInteger();
        store.onRecordsAvailable(calls::incrementAndGet);
        publish(store, Priority.NORMAL, 1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> calls.get() >= 1);
        store.onRecordsAvailable(null);
        int before = calls.get();
        publish(store, Priority.NORMAL, 2);
        assertThat(calls.get()).isEqualTo(before);
    }

    @Test
    void healthShowsTheFigures() throws Exception {
        Subject store = open(Limits.ROOMY);
        publish(store, Priority.HIGH, 1);
        HealthReport health = store.health();
        assertThat(health.name()).isEqualTo("store");
        assertThat(health.status()).isEqualTo(HealthReport.Status.UP);
        assertThat(health.details()).containsEntry("records", 1L).containsKeys("quotaBytes", "usedBytes", "high.records", "inFlight");
    }

    private long recordSize() throws Exception {
        Subject probe = open(Limits.ROOMY);
        publish(probe, Priority.BULK, 7);
        return probe.backlog().get(Priority.BULK).bytes();
    }

    private static List<Long> seqs(Subject store) {
        store.releaseAll();
        List<Long> seqs = store.claim(1000).stream().map(StoredRecord::seq).toList();
        store.releaseAll();
        return seqs;
    }
}
