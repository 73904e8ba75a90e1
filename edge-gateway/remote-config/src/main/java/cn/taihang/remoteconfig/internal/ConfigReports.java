package cn.taihang.remoteconfig.internal;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.Priority;
import cn.taihang.release.ConfigPush;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports what became of a push, or a change made on the gateway, as a critical {@value ConfigPush#REPORT_KIND} record
 * (never evicted, forwarded when the uplink allows) carrying the hash of the configuration the gateway runs. The outbox
 * may be restarting (a push to the store restarts it): a report waits for it.
 */
final class ConfigReports {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReports.class);
    private static final long DURABLE_TIMEOUT_MILLIS = 30_000;
    private static final long OUTBOX_WAIT_MILLIS = 100;

    private final Supplier<Outbox> outbox;

    ConfigReports(Supplier<Outbox> outbox) {
        this.outbox = outbox;
    }

    /**
     * Stores a report and waits until it is durable.
     *
     * @param version the push, 0 for a change made on the gateway
     * @param state one of {@link ConfigPush#STATES}
     * @return whether it was stored
     */
    boolean report(long version, String state, String reason, String message, String hash, Collection<String> pids) {
        List<Measurement> values = List.of(Measurement.number(ConfigPush.VERSION, null, version), Measurement.text(ConfigPush.STATE, state),
                Measurement.text(ConfigPush.REASON, reason == null || reason.isEmpty() ? "-" : reason),
                Measurement.text(ConfigPush.MESSAGE, message.length() <= 2000 ? message : message.substring(0, 1997) + "..."),
                Measurement.text(ConfigPush.HASH, hash), Measurement.text(ConfigPush.PIDS, pids.isEmpty() ? "-" : String.join(",", pids)));
        LOG.info("configuration push {} {}{}: {}", version, state, reason == null || reason.equals("-") ? "" : " [" + reason + "]", message);
        long deadline = System.currentTimeMillis() + DURABLE_TIMEOUT_MILLIS;
        try {
            Outbox target = outbox.get();
            while (target == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(OUTBOX_WAIT_MILLIS);
                target = outbox.get();
            }
            if (target == null) {
                LOG.warn("no outbox for the report of configuration push {}", version);
                return false;
            }
            target.publish(new OutboundRecord("gateway", ConfigPush.REPORT_KIND, Priority.CRITICAL, Instant.now(), values))
                    .toCompletableFuture().get(DURABLE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the report of configuration push {} could not be stored: {}", version, e.getCause() == null ? e.toString() : e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
