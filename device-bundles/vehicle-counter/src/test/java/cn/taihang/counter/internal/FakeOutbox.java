package cn.taihang.counter.internal;

import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** An Outbox that keeps what it accepts, and can be told to refuse or to throw. */
final class FakeOutbox implements Outbox {

    final List<OutboundRecord> records = new CopyOnWriteArrayList<>();
    final AtomicLong refused = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private volatile OutboxException refusal;
    private volatile RuntimeException crash;

    void refuse(OutboxException.Reason reason) {
        refusal = reason == null ? null : new OutboxException(reason, "store says " + reason);
    }

    void crash(RuntimeException e) {
        crash = e;
    }

    @Override
    public CompletionStage<Long> publish(OutboundRecord record) {
        if (crash != null) {
            throw crash;
        }
        if (refusal != null) {
            refused.incrementAndGet();
            return CompletableFuture.failedFuture(refusal);
        }
        records.add(record);
        return CompletableFuture.completedFuture(sequence.incrementAndGet());
    }
}
