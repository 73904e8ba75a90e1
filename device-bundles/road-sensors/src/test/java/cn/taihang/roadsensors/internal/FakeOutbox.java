package cn.taihang.roadsensors.internal;

import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** The store, in memory (our own port); refuses with a given reason when told to. */
final class FakeOutbox implements Outbox {

    final List<OutboundRecord> records = new CopyOnWriteArrayList<>();
    volatile OutboxException.Reason refuse;

    @Override
    public CompletionStage<Long> publish(OutboundRecord record) {
        if (refuse != null) {
            return CompletableFuture.failedFuture(new OutboxException(refuse, "refused for the test"));
        }
        records.add(record);
        return CompletableFuture.completedFuture((long) records.size());
    }
}
