package cn.taihang.cloudlink.embedded;

import cn.taihang.cloudlink.internal.Uplink;
import cn.taihang.gateway.api.GatewayIdentity;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.spi.DurableCounters;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.wire.Birth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's uplink draining a record queue to an MQTT broker, without OSGi. Its births name the identity and the
 * given software version, with no bundles and no devices. Reconnects on its own (capped, jittered backoff) until
 * closed. Thread-safe.
 */
public final class EmbeddedUplink implements AutoCloseable {

    private final Uplink uplink;

    private EmbeddedUplink(Uplink uplink) {
        this.uplink = uplink;
    }

    /**
     * Starts connecting and returns at once; the drain begins once connected and the bridge is online.
     *
     * @param options broker and settings
     * @param identity who this gateway is (topics, MQTT client id)
     * @param queue the records to send, deleted from it on the bridge's acknowledgement
     * @param counters where the birth/death sequence {@code bdSeq} is kept
     * @param software the software version its births announce, not {@code null}
     * @return the running uplink; close it when done
     */
    public static EmbeddedUplink start(UplinkOptions options, GatewayIdentity identity, RecordQueue queue, DurableCounters counters,
                                       String software) {
        Objects.requireNonNull(software, "software");
        Uplink uplink = new Uplink(options.settings(), identity, queue, counters, (bdSeq, timeMillis) -> new Birth(1, identity.gatewayId(),
                identity.site(), identity.siteName(), bdSeq, timeMillis, software, Map.of(), List.of(), null, null).withClockSynchronised(true));
        uplink.start();
        return new EmbeddedUplink(uplink);
    }

    /**
     * @return the {@code uplink} health: UP while connected; its details count records, batches and bytes sent
     *         ({@code recordsSent}, {@code batchesSent}, {@code bytesSent}) and acknowledged ({@code recordsAcked})
     */
    public HealthReport health() {
        return uplink.health();
    }

    /** Publishes the death and disconnects cleanly, then stops; records in flight are released for the next sender. */
    @Override
    public void close() {
        uplink.close();
    }
}
