package cn.taihang.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKinds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} promises a device bundle, as one suite that each implementation runs (the real SQLite store
 * and the {@link FakeOutbox} device tests use): an accepted record completes with its sequence number and is held;
 * sequence numbers rise in the order of publishing and are distinct across concurrent publishers; a refusal fails the
 * returned stage with an {@link OutboxException} carrying its reason, is never thrown at the caller, and keeps nothing.
 * A subclass provides a fresh outbox per test.
 */
public abstract class OutboxContract {

    private static final long WAIT_SECONDS = 10;

    /** @return the outbox under test, fresh for each test */
    protected abstract Outbox outbox();

    /** @return how many records the outbox holds now (accepted, not yet forwarded) */
    protected abstract long held() throws Exception;

    /**
     * Brings the outbox into a state where it refuses for {@code reason} (full, closing, …).
     *
     * @return a record it will now refuse for that reason, or {@code null} if this outbox cannot be brought there
     */
    protected abstract OutboundRecord refusedFor(OutboxException.Reason reason) throws Exception;

    /** @return a valid record: a lane count, {@code value} in its count */
    protected static OutboundRecord record(Priority priority, int value) {
        return new OutboundRecord("post-zw-03/lane-1", RecordKinds.COUNTER_INTERVAL, priority, Instant.parse("2025-05-01T08:00:00Z").plusSeconds(value),
                List.of(Measurement.of(CounterInterval.COUNT, value), Measurement.text("lane", "东向 east")));
    }

    private static long sequenceOf(CompletionStage<Long> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void anAcceptedRecordCompletesWithItsSequenceNumberAndIsHeld() throws Exception {
        long before = held();
        assertThat(sequenceOf(outbox().publish(record(Priority.NORMAL, 1)))).isPositive();
        assertThat(held()).isEqualTo(before + 1);
    }

    @Test
    void sequenceNumbersRiseInTheOrderOfPublishing() throws Exception {
        List<CompletionStage<Long>> stages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stages.add(outbox().publish(record(i % 2 == 0 ? Priority.CRITICAL : Priority.BULK, i)));
        }
        long previous = 0;
        for (CompletionStage<Long> stage : stages) {
            long seq = sequenceOf(stage);
            assertThat(seq).isGreaterThan(previous);
            previous = seq;
        }
    }

    @Test
    void concurrentPublishersGetDistinctSequenceNumbers() throws Exception {
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<CompletionStage<Long>>>> batches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                batches.add(publishers.submit(() -> {
                    List<CompletionStage<Long>> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        mine.add(outbox().publish(record(Priority.HIGH, thread * 1000 + i)));
                    }
                    return mine;
                }));
            }
            Set<Long> seen = new HashSet<>();
            for (Future<List<CompletionStage<Long>>> batch : batches) {
                for (CompletionStage<Long> stage : batch.get(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    seen.add(sequenceOf(stage));
                }
            }
            assertThat(seen).hasSize(200);
        } finally {
            publishers.shutdownNow();
        }
    }

    @Test
    void aRecordTooLargeIsRefusedInTheStage() throws Exception {
        refusal(OutboxException.Reason.TOO_LARGE);
    }

    @Test
    void aFullOutboxRefusesInTheStage() throws Exception {
        refusal(OutboxException.Reason.FULL);
    }

    @Test
    void anUnavailableOutboxRefusesInTheStage() throws Exception {
        refusal(OutboxException.Reason.UNAVAILABLE);
    }

    private void refusal(OutboxException.Reason reason) throws Exception {
        OutboundRecord refused = refusedFor(reason);
        assumeTrue(refused != null, "this outbox cannot be brought to refuse for " + reason);
        long before = reason == OutboxException.Reason.UNAVAILABLE ? -1 : held();
        CompletableFuture<Long> stage = new CompletableFuture<>();
        assertThatCode(() -> outbox().publish(refused).whenComplete((seq, error) -> {
            if (error != null) {
                stage.completeExceptionally(error);
            } else {
                stage.complete(seq);
            }
        })).as("a refusal is never thrown at the caller").doesNotThrowAnyException();
        assertThatThrownBy(() -> stage.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OutboxException.class).satisfies(e -> {
                    assertThat(((OutboxException) e).reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isNotBlank();
                });
        if (before >= 0) {
            assertThat(held()).as("a refused record is not kept").isEqualTo(before);
        }
    }
}
