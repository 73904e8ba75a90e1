package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.store.embedded.EmbeddedStore;
import cn.taihang.store.embedded.StoreOptions;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.records.RecordKinds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a bridge restart a gateway resends, after its own jitter, only what is still unacknowledged then, on the real store.
 * Time is the drain's step argument, so nothing waits for it.
 */
@Tag("unit")
class DrainRestartTest {

    private static final long WINDOW_MILLIS = 20_000;
    private static final String GATEWAY = "gw-hsr-east-1";

    @TempDir
    Path dir;

    @Test
    void theJitterIsTheGatewaysOwnAndSpreadOverTheWindow() {
        Set<Long> delays = new TreeSet<>();
        IntStream.range(0, 200).forEach(i -> delays.add(Drain.restartJitterMillis("gw-post-" + i, WINDOW_MILLIS)));
        assertThat(delays).allMatch(d -> d >= 0 && d <= WINDOW_MILLIS).hasSizeGreaterThan(190);
        assertThat(delays.stream().filter(d -> d < WINDOW_MILLIS / 2).count()).isBetween(60L, 140L);
        assertThat(Drain.restartJitterMillis(GATEWAY, WINDOW_MILLIS)).isEqualTo(Drain.restartJitterMillis(GATEWAY, WINDOW_MILLIS));
        assertThat(Drain.restartJitterMillis(GATEWAY, 0)).isZero();
    }

    @Test
    void onlyWhatIsStillUnacknowledgedAfterTheJitterIsSentAgain() throws Exception {
        LinkSettings settings = LinkSettings.defaults("tcp://127.0.0.1:1").withWindow(100, 10);
        long jitterNanos = Drain.restartJitterMillis(GATEWAY, settings.restartResendJitterMillis()) * 1_000_000L;
        LinkStats stats = new LinkStats(settings.brokerUrl());
        BatchCodec codec = new BatchCodec();
        List<Long> sent = new ArrayList<>();
        Drain.Publisher publisher = payload -> codec.decode(payload).records().stream().map(RecordFrame::seq).forEach(sent::add);
        try (EmbeddedStore store = EmbeddedStore.open(StoreOptions.defaults(dir.resolve("store.db")))) {
            RecordQueue queue = store.queue();
            long[] seqs = {publish(store, 1), publish(store, 2), publish(store, 3)};
            Drain drain = new Drain(settings, queue, codec, GATEWAY, stats);
            long t = System.nanoTime();
            assertThat(drain.step(publisher, 0, t)).isEqualTo(Drain.AGAIN);
            drain.published();
            assertThat(sent).containsExactly(seqs[0], seqs[1], seqs[2]);
            acknowledge(drain, queue, seqs[0]);

            drain.bridgeRestarted(t);
            long later = publish(store, 4);
            if (jitterNanos > 0) {
                assertThat(drain.step(publisher, 0, t + jitterNanos - 1)).as("held until this gateway's turn").isEqualTo(1);
            }
            acknowledge(drain, queue, seqs[1]);
            await().atMost(10, TimeUnit.SECONDS).until(() -> store.queue().backlog().get(Priority.NORMAL).records() == 2);
            assertThat(drain.step(publisher, 0, t + jitterNanos)).isEqualTo(Drain.AGAIN);
            assertThat(sent.subList(3, sent.size())).as("the overdue one, then the new one").containsExactly(seqs[2], later);
            assertThat(stats.resentAfterBridgeRestart.get()).isEqualTo(1);
        }
    }

    private static void acknowledge(Drain drain, RecordQueue queue, long seq) {
        queue.acknowledge(new long[] {seq});
        drain.acknowledged(new long[] {seq});
    }

    private static long publish(EmbeddedStore store, int n) throws Exception {
        return store.outbox().publish(new OutboundRecord("post-zw-03/lane-1", RecordKinds.COUNTER_INTERVAL, Priority.NORMAL, Instant.now(),
                List.of(Measurement.number("n", "count", n)))).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
