package cn.taihang.validator.internal;

import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** An Outbox that keeps what it accepts, or refuses. */
final class FakeOutbox implements Outbox {

    final List<OutboundRecord> records = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    volatile OutboxException refusal;

    List<OutboundRecord> ofKind(String kind) {
        return records.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    @Override
    public CompletionStage<Long> publish(OutboundRecord record) {
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        records.add(record);
        return CompletableFuture.completedFuture(seq.incrementAndGet());
    }
}
