package cn.taihang.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.records.RecordKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

    /** @return the one damaged store file kept aside in {@code dir} (its WAL and shared-memory files not counted) */
    static Path keptFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> kept = files.filter(p -> p.getFileName().toString().startsWith("store.db.damaged-")
                    && !p.toString().endsWith("-wal") && !p.toString().endsWith("-shm")).toList();
            assertThat(kept).hasSize(1);
            return kept.get(0);
        }
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
