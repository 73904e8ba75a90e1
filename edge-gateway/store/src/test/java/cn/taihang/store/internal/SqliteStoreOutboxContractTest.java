package cn.taihang.store.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.testkit.gateway.OutboxContract;
import cn.taihang.wire.records.RecordKinds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** The real store keeps the Outbox contract that the device tests' fake keeps. */
@Tag("unit")
class SqliteStoreOutboxContractTest extends OutboxContract {

    private static final long QUOTA_BYTES = 16 * 1024;

    @TempDir
    Path dir;
    private SqliteStore store;
    private boolean closed;

    @BeforeEach
    void open() throws Exception {
        store = SqliteStore.open(StoreSettings.defaults(dir.resolve("outbox.db")).withQuota(QUOTA_BYTES, 0));
    }

    @AfterEach
    void close() {
        if (!closed) {
            store.close();
        }
    }

    @Override
    protected Outbox outbox() {
        return store;
    }

    @Override
    protected long held() {
        return store.backlog().values().stream().mapToLong(ClassBacklog::records).sum();
    }

    @Override
    protected OutboundRecord refusedFor(OutboxException.Reason reason) throws Exception {
        return switch (reason) {
            case TOO_LARGE -> tooLarge();
            case FULL -> {
                for (int i = 0; !refused(record(Priority.CRITICAL, i)); i++) {
                    if (i > 10_000) {
                        throw new AssertionError("a store of " + QUOTA_BYTES + " bytes never filled up");
                    }
                }
                yield record(Priority.CRITICAL, -1);
            }
            case UNAVAILABLE -> {
                store.close();
                closed = true;
                yield record(Priority.CRITICAL, -2);
            }
        };
    }

    private boolean refused(OutboundRecord record) throws Exception {
        try {
            store.publish(record).toCompletableFuture().get(10, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            return ((OutboxException) e.getCause()).reason() == OutboxException.Reason.FULL;
        }
    }

    private static OutboundRecord tooLarge() {
        List<Measurement> values = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            values.add(Measurement.text("m" + i, "x".repeat(60)));
        }
        return new OutboundRecord("post-zw-03/lane-1", RecordKinds.COUNTER_INTERVAL, Priority.NORMAL, Instant.parse("2025-05-01T08:00:00Z"), values);
    }
}
