package cn.taihang.bridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Acknowledgements that never reach the broker are counted, in the registry the bridge exposes. */
@Tag("unit")
class CountedAcksTest {

    @Test
    void acksDroppedWhileDisconnectedOrFailingAreCountedAndSentOnesAreNot() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicBoolean connected = new AtomicBoolean(true);
        List<String> sent = new ArrayList<>();
        List<java.util.function.Consumer<Throwable>> pending = new ArrayList<>();
        CountedAcks acks = new CountedAcks((topic, payload, dropped) -> {
            if (!connected.get()) {
                return false;
            }
            sent.add(topic);
            pending.add(dropped);
            return true;
        }, new BatchCodec(), meters, System::nanoTime, Duration.ofMinutes(1));

        acks.send("site-1", "gw-1", new Ack(new long[] {1, 2}));
        assertThat(sent).containsExactly("taihang/v1/site-1/gw-1/ack");
        assertThat(acks.droppedCount()).isZero();

        connected.set(false);
        for (int i = 0; i < 3; i++) {
            acks.send("site-1", "gw-1", new Ack(new long[] {3 + i}));
        }
        pending.get(0).accept(new IllegalStateException("connection closed"));
        assertThat(acks.droppedCount()).isEqualTo(4);
        assertThat(meters.find(CountedAcks.DROPPED).counter().count()).isEqualTo(4);
    }
}
