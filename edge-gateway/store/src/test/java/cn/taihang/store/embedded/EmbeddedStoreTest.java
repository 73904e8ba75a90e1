package cn.taihang.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.gateway.spi.StoredRecord;
import cn.taihang.wire.records.RecordKinds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API opens the real store on a real file, with the MetaType defaults and the embedder's clock. */
@Tag("unit")
class EmbeddedStoreTest {

    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    @TempDir
    Path dir;

    private static OutboundRecord record(Priority priority, int value) {
        return new OutboundRecord("post-zw-03/lane-1", RecordKinds.COUNTER_INTERVAL, priority, T0.plusSeconds(value),
                List.of(Measurement.number("count/short", "count", value)));
    }

    private static long publish(EmbeddedStore store, Priority priority, int value) throws Exception {
        return store.outbox().publish(record(priority, value)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static long waiting(EmbeddedStore store) {
        return store.queue().backlog().values().stream().mapToLong(ClassBacklog::records).sum();
    }

    @Test
    void optionsStartFromTheMetatypeDefaultsAndValidateWhatIsChanged() {
        StoreOptions options = StoreOptions.defaults(dir.resolve("store.db"));
        assertThat(options.file()).isEqualTo(dir.resolve("store.db").toAbsolutePath());
        assertThat(options.quotaBytes()).isEqualTo(268_435_456L);
        assertThat(options.withQuota(1L << 30, 0).quotaBytes()).isEqualTo(1L << 30);
        assertThatThrownBy(() -> options.withQuota(0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quotaBytes");
        assertThatThrownBy(() -> options.withMaxBatchCommit(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBatchCommit");
    }

    @Test
    void publishedRecordsAreClaimedCountedAndDeletedOnAcknowledgement() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")).withMaxBatchCommit(10))) {
            long first = publish(store, Priority.NORMAL, 1);
            long second = publish(store, Priority.CRITICAL, 2);
            assertThat(store.commits()).isGreaterThanOrEqualTo(2);
            assertThat(store.health().status()).isEqualTo(HealthReport.Status.UP);

            List<StoredRecord> claimed = store.queue().claim(10);
            assertThat(claimed).extracting(StoredRecord::seq).containsExactly(second, first);
            store.queue().acknowledge(new long[] {second, first});
            await().atMost(10, TimeUnit.SECONDS).until(() -> waiting(store) == 0);

            long bdSeq = store.counters().incrementAndGet("bdSeq");
            assertThat(store.counters().incrementAndGet("bdSeq")).isEqualTo(bdSeq + 1);
        }
    }

    @Test
    void theEmbeddersClockDecidesExpiryAndRecordsSurviveAReopen() throws Exception {
        StoreOptions options = StoreOptions.defaults(dir.resolve("store.db")).withClock(Clock.fixed(T0, ZoneOffset.UTC));
        try (EmbeddedStore store = EmbeddedStore.open(options)) {
            publish(store, Priority.BULK, 1);
            publish(store, Priority.HIGH, 2);
        }
        Clock dayLater = Clock.fixed(T0.plus(Duration.ofHours(25)), ZoneOffset.UTC);
        try (EmbeddedStore store = EmbeddedStore.open(options.withClock(dayLater))) {
            store.expireNow().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(store.queue().backlog().get(Priority.HIGH).records()).as("high lives 7 days by default, kept across the reopen").isEqualTo(1);
            assertThat(store.queue().backlog().get(Priority.BULK).records()).as("bulk lives 24 h by default").isZero();
            assertThat(((Number) store.health().details().get("bulk.expired")).longValue()).isEqualTo(1);
        }
    }
}
