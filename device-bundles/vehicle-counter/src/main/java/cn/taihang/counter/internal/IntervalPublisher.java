package cn.taihang.counter.internal;

import cn.taihang.counter.domain.IntervalReport;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a lane's closed intervals to the {@link Outbox}. A refused record is counted and logged
 * once per reason until a record is stored again; it never propagates.
 */
final class IntervalPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(IntervalPublisher.class);

    private final Outbox outbox;
    private final String device;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> reasonsLogged = ConcurrentHashMap.newKeySet();
    private volatile String lastProblem = "";

    IntervalPublisher(Outbox outbox, String device) {
        this.outbox = outbox;
        this.device = device;
    }

    void publish(IntervalReport report) {
        OutboundRecord record;
        try {
            record = IntervalRecords.toRecord(device, report);
            outbox.publish(record).whenComplete((sequence, error) -> {
                if (error == null) {
                    stored();
                } else {
                    failed(error);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** @return records the outbox refused since start */
    long failures() {
        return failures.get();
    }

    /** @return records stored since start */
    long published() {
        return published.get();
    }

    /** @return why the latest refusal happened, {@code ""} if the latest record was stored */
    String lastProblem() {
        return lastProblem;
    }

    private void stored() {
        published.incrementAndGet();
        lastProblem = "";
        if (!reasonsLogged.isEmpty()) {
            reasonsLogged.clear();
            LOG.info("vehicle counter lane {}: interval records are being stored again", device);
        }
    }

    private void failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        failures.incrementAndGet();
        String reason = cause instanceof OutboxException refused ? refused.reason().name() : cause.getClass().getSimpleName();
        lastProblem = reason + ": " + cause.getMessage();
        if (reasonsLogged.add(reason)) {
            LOG.warn("vehicle counter lane {}: the outbox refused an interval record ({}); the interval is lost. "
                    + "Check the gateway store's health. Further refusals for this reason are only counted.",
                    device, lastProblem);
        }
    }
}
