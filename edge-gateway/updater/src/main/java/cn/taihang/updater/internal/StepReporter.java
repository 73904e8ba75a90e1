package cn.taihang.updater.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.Priority;
import cn.taihang.release.UpdateOrder;
import cn.taihang.release.UpdateStep;
import cn.taihang.slots.SlotControl;
import cn.taihang.slots.SlotEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the steps of an update as critical {@value UpdateOrder#STEP_KIND} records through the outbox (never evicted,
 * forwarded when the uplink allows), and the steps the slots recorded across restarts (switch, trial, commit, rollback),
 * each forgotten by the slots only once its record is durable. A stored record is also the health gate's proof that the
 * store is writable.
 */
final class StepReporter {

    private static final Logger LOG = LoggerFactory.getLogger(StepReporter.class);
    private static final long DURABLE_TIMEOUT_SECONDS = 30;

    private final Outbox outbox;
    private final Outcomes outcomes;

    StepReporter(Outbox outbox, Outcomes outcomes) {
        this.outbox = outbox;
        this.outcomes = outcomes;
    }

    /**
     * Stores one step and waits until it is durable; a final step also becomes the job's outcome.
     *
     * @param numbers extra numeric measurements, e.g. {@link UpdateStep#BYTES}
     * @return whether it was stored
     */
    boolean report(long rollout, long attempt, String release, String step, String reason, String message, Map<String, Long> numbers) {
        List<Measurement> values = new ArrayList<>();
        values.add(Measurement.number(UpdateStep.ROLLOUT, null, rollout));
        values.add(Measurement.number(UpdateStep.ATTEMPT, null, attempt));
        values.add(Measurement.text(UpdateStep.RELEASE, release));
        values.add(Measurement.text(UpdateStep.STEP, step));
        values.add(Measurement.text(UpdateStep.REASON, reason == null || reason.isEmpty() ? "-" : reason));
        values.add(Measurement.text(UpdateStep.MESSAGE, message == null || message.isEmpty() ? "-" : truncate(message)));
        numbers.forEach((name, value) -> values.add(Measurement.number(name, name.equals(UpdateStep.BYTES) ? "By" : null, value)));
        boolean stored = store(new OutboundRecord("gateway", UpdateOrder.STEP_KIND, Priority.CRITICAL, Instant.now(), values));
        if (stored && UpdateStep.FINAL.contains(step) && rollout > 0) {
            outcomes.record(rollout + "." + attempt, step);
        }
        LOG.info("update {} of release {} (rollout {} attempt {}){}{}", step, release, rollout, attempt, reason == null || reason.isEmpty() ? "" : " [" + reason + "]",
                message == null || message.isEmpty() ? "" : ": " + message);
        return stored;
    }

    /** As {@link #report(long, long, String, String, String, String, Map)} for an order. */
    boolean report(UpdateOrder order, String step, String reason, String message, Map<String, Long> numbers) {
        return report(order.rollout(), order.attempt(), order.release(), step, reason, message, numbers);
    }

    /**
     * Reports every step the slots recorded and not yet reported, oldest first, and tells the slots which are stored.
     *
     * @return whether all were stored
     */
    synchronized boolean reportSlotEvents(SlotControl slots) {
        for (SlotEvent event : slots.unreported()) {
            long[] job = UpdateOrder.parseJob(event.rollout());
            String reason = event.step().equals(UpdateStep.ROLLED_BACK) ? (event.detail().startsWith("interrupted") ? "interrupted" : "unhealthy") : "";
            if (!report(job[0], job[1], event.release(), event.step(), reason, event.detail(), Map.of())) {
                return false;
            }
            try {
                slots.reported(event.id());
            } catch (IOException e) {
                LOG.warn("the slots could not forget reported step {}: {} (it will be reported again)", event.id(), e.getMessage());
                return false;
            }
        }
        return true;
    }

    private boolean store(OutboundRecord record) {
        try {
            outbox.publish(record).toCompletableFuture().get(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("an update step could not be stored: {}", e.getCause() == null ? e.toString() : e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }
}
