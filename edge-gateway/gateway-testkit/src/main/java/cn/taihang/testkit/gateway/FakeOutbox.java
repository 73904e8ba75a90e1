package cn.taihang.testkit.gateway;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link Outbox} in memory that keeps what it accepts, held to the same {@link OutboxContract} as the real store:
 * sequence numbers rise from 1, a refusal fails the stage (never throws) and keeps nothing. A test can make it refuse
 * ({@link #refuse}) or, to test a device against an outbox that breaks the contract, throw ({@link #throwOnPublish}).
 * Completes stages at once, on the caller's thread. Thread-safe.
 */
public final class FakeOutbox implements Outbox {

    private final List<OutboundRecord> records = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile OutboxException.Reason refusal;
    private volatile RuntimeException crash;

    @Override
    public CompletionStage<Long> publish(OutboundRecord record) {
        if (crash != null) {
            throw crash;
        }
        OutboxException.Reason reason = refusal;
        if (reason != null) {
            refused.incrementAndGet();
            return CompletableFuture.failedFuture(new OutboxException(reason, "the fake outbox refuses with " + reason + " (the test said so)"));
        }
        synchronized (records) {
            records.add(record);
            return CompletableFuture.completedFuture(sequence.incrementAndGet());
        }
    }

    /** From now on refuses every record for this reason; {@code null} accepts again. */
    public void refuse(OutboxException.Reason reason) {
        refusal = reason;
    }

    /** From now on {@link #publish} throws this (an outbox breaking its contract); {@code null} behaves again. */
    public void throwOnPublish(RuntimeException e) {
        crash = e;
    }

    /** @return the records accepted, oldest first (a live view) */
    public List<OutboundRecord> records() {
        return records;
    }

    /** @return the accepted records of a kind, oldest first */
    public List<OutboundRecord> ofKind(String kind) {
        return records.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /** @return how many publishes were refused */
    public long refused() {
        return refused.get();
    }

    /** @return a measurement of the latest record of a kind as text (numbers and flags too), or {@code null} */
    public String latest(String kind, String measurement) {
        List<OutboundRecord> ofKind = ofKind(kind);
        if (ofKind.isEmpty()) {
            return null;
        }
        return ofKind.get(ofKind.size() - 1).measurements().stream().filter(m -> m.name().equals(measurement)).findFirst()
                .map(FakeOutbox::text).orElse(null);
    }

    private static String text(Measurement m) {
        return m.text() != null ? m.text() : String.valueOf(m.number() != null ? m.number() : m.flag());
    }
}
