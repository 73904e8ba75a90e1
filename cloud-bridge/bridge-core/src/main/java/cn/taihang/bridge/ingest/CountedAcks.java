package cn.taihang.bridge.ingest;

import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends acknowledgements and counts those dropped (the link was down, or the publish failed): in
 * {@code bridge_acks_dropped_total} and the {@code /health} answer's {@code acksDropped}, and in an info line at most once per
 * interval saying how many since the last. A dropped ack is harmless (the gateway resends after its ack timeout and the
 * bridge takes the repeat as a duplicate), but many mean gateways resend their windows again and again. Thread-safe.
 */
public final class CountedAcks implements AckSender {

    /** Name of the counter of dropped acknowledgements. */
    public static final String DROPPED = "bridge.acks.dropped";
    /** How often at most the dropped acknowledgements are logged. */
    public static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    /** Publishes an acknowledgement without waiting. */
    @FunctionalInterface
    public interface Publisher {
        /**
         * @param dropped told (once) if the message could not be handed to the broker, with why
         * @return {@code false} if it was dropped at once (not connected)
         */
        boolean publish(String topic, byte[] payload, java.util.function.Consumer<Throwable> dropped);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CountedAcks.class);

    private final Publisher publisher;
    private final BatchCodec codec;
    private final Counter dropped;
    private final LongSupplier nanos;
    private final long intervalNanos;
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong lastLogNanos;

    /** @param nanos a monotonic clock ({@link System#nanoTime()}), for the log interval */
    public CountedAcks(Publisher publisher, BatchCodec codec, MeterRegistry meters, LongSupplier nanos, Duration logInterval) {
        this.publisher = publisher;
        this.codec = codec;
        this.dropped = Counter.builder(DROPPED).description("acknowledgements not handed to the broker (link down, publish failed)")
                .register(meters);
        this.nanos = nanos;
        this.intervalNanos = logInterval.toNanos();
        this.lastLogNanos = new AtomicLong(nanos.getAsLong() - intervalNanos);
    }

    @Override
    public void send(String site, String gateway, Ack ack) {
        if (!publisher.publish(Topics.ack(site, gateway), codec.encodeAck(ack), cause -> dropped(gateway, cause))) {
            dropped(gateway, null);
        }
    }

    private void dropped(String gateway, Throwable cause) {
        dropped.increment();
        long count = unlogged.incrementAndGet();
        long now = nanos.getAsLong();
        long last = lastLogNanos.get();
        if (now - last >= intervalNanos && lastLogNanos.compareAndSet(last, now)) {
            unlogged.addAndGet(-count);
            LOG.info("{} acknowledgement(s) dropped since the last report, the latest to {} ({}); those gateways resend after their ack "
                    + "timeout. Check the bridge's broker connection if this persists", count, gateway,
                    cause == null ? "not connected to the broker" : cause.getMessage());
        }
    }

    /** @return acknowledgements dropped since start */
    public long droppedCount() {
        return (long) dropped.count();
    }
}
