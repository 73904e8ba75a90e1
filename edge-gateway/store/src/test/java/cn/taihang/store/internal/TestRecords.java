package cn.taihang.store.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.records.RecordKinds;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Records and waits shared by the store tests. */
final class TestRecords {

    private TestRecords() {
    }

    static OutboundRecord record(Priority priority, int value) {
        return new OutboundRecord("post-zw-03/lane-1", RecordKinds.COUNTER_INTERVAL, priority, Instant.parse("2025-05-01T08:00:00Z").plusSeconds(value),
                List.of(Measurement.number("count/short", "count", value), Measurement.flag("loop-ok", true), Measurement.text("lane", "东向 east")));
    }

    /** Publishes and waits until durable. @return the sequence number */
    static long publish(Outbox outbox, Priority priority, int value) throws Exception {
        return outbox.publish(record(priority, value)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** @return the reason a publish failed with, or {@code null} if it succeeded */
    static OutboxException.Reason refusal(Outbox outbox, OutboundRecord record) throws Exception {
        try {
            outbox.publish(record).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return ((OutboxException) e.getCause()).reason();
        }
    }
}
