package cn.taihang.bridge.ingest;

import cn.taihang.wire.Topics;
import cn.taihang.wire.WireFormatException;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends each message the bridge receives to the path for its topic. */
public final class IngestRouter {

    private static final Logger LOG = LoggerFactory.getLogger(IngestRouter.class);

    private final BatchIngest data;
    private final LifecycleIngest lifecycle;
    private final IngestMetrics metrics;
    private final RepeatFilter repeats;

    /** Wires the paths. */
    public IngestRouter(BatchIngest data, LifecycleIngest lifecycle, IngestMetrics metrics, RepeatFilter repeats) {
        this.data = data;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.repeats = repeats;
    }

    /**
     * @param topic the topic a message arrived on
     * @param payload its bytes
     * @return completes when the message is handled; never fails. The MQTT PUBACK waits for it, so the broker's
     *     in-flight window bounds how much the bridge holds in memory.
     */
    public Future<Void> route(String topic, byte[] payload) {
        long arrival = System.nanoTime();
        Topics.Address address;
        try {
            address = Topics.parse(topic);
        } catch (WireFormatException e) {
            metrics.rejected(IngestMetrics.SCOPE_TOPIC, e.reason().name());
            if (repeats.firstTime("topic|" + topic)) {
                LOG.warn("ignored a message on {}: {}", topic, e.getMessage());
            }
            return Future.succeededFuture();
        }
        return switch (address.kind()) {
            case DATA -> data.onData(address, payload, arrival);
            case BIRTH -> lifecycle.onBirth(address, payload);
            case DEATH -> lifecycle.onDeath(address, payload);
            case ACK, CMD -> Future.succeededFuture();
        };
    }
}
