package cn.taihang.coap.internal;

import cn.taihang.gateway.api.sensor.IngestResult;
import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorMessageHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands decoded messages to the registered {@link SensorMessageHandler}, bounding how many wait for the
 * store at once. The returned stages never fail: a failing handler is answered as busy and logged once.
 */
final class SensorIngest {

    /** What happened to a submitted message. */
    enum Status { SUBMITTED, NO_HANDLER, OVERLOADED }

    /**
     * @param status whether it went to the handler
     * @param result for {@link Status#SUBMITTED}: the handler's verdict, never failing; else {@code null}
     */
    record Submission(Status status, CompletionStage<IngestResult> result) {}

    private static final Logger LOG = LoggerFactory.getLogger(SensorIngest.class);
    private static final int FAILED_RETRY_SECONDS = 10;

    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private volatile SensorMessageHandler handler;

    SensorIngest(int maxPending) {
        this.maxPending = maxPending;
    }

    /** Forgets the handler only if it is still this one (DS binds a replacement before it unbinds the old). */
    synchronized void removeHandler(SensorMessageHandler old) {
        if (handler == old) {
            handler = null;
        }
    }

    synchronized void handler(SensorMessageHandler handler) {
        this.handler = handler;
    }

    boolean hasHandler() {
        return handler != null;
    }

    int pending() {
        return pending.get();
    }

    Submission submit(SensorMessage message) {
        SensorMessageHandler target = handler;
        if (target == null) {
            return new Submission(Status.NO_HANDLER, null);
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            return new Submission(Status.OVERLOADED, null);
        }
        CompletionStage<IngestResult> stage;
        try {
            stage = target.handle(message);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<IngestResult> result = new CompletableFuture<>();
        stage.whenComplete((verdict, failure) -> {
            pending.decrementAndGet();
            if (failure != null || verdict == null) {
                if (failureLogged.compareAndSet(false, true)) {
                    LOG.error("the sensor message handler failed on a message of {}; further failures are only answered 5.03", message.sensorId(), failure);
                }
                result.complete(IngestResult.busy("the gateway could not process the reading; retry later", FAILED_RETRY_SECONDS));
            } else {
                result.complete(verdict);
            }
        });
        return new Submission(Status.SUBMITTED, result);
    }
}
