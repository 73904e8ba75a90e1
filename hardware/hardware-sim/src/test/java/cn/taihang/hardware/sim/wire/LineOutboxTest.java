package cn.taihang.hardware.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LineOutboxTest {

    /** Records bytes and counts flushes. */
    private static class Recording extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger flushes = new AtomicInteger();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesEveryLineInOrderAndBatchesFlushes() {
        Recording out = new Recording();
        LineOutbox outbox = new LineOutbox(out, "test-out", 1 << 20, Duration.ZERO, () -> { });
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            String line = "EDGE 17 " + (i % 2) + " " + i;
            assertThat(outbox.offer(line)).isTrue();
            expected.append(line).append('\n');
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> out.text().length() == expected.length());
        assertThat(out.text()).isEqualTo(expected.toString());
        assertThat(out.flushes.get()).as("flushed per batch, not per line").isLessThan(50_000);
        outbox.close();
    }

    @Test
    void failsWhenThePeerStopsReading() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                throw new IOException("connection reset");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                write(0);
            }
        };
        AtomicInteger failures = new AtomicInteger();
        LineOutbox outbox = new LineOutbox(stuck, "test-stuck", 1_000, Duration.ZERO, failures::incrementAndGet);

        int accepted = 0;
        while (outbox.offer("OUT 18 1 1700000000000000") && accepted < 10_000) {
            accepted++;
        }

        assertThat(accepted).isLessThan(10_000);
        assertThat(failures.get()).isEqualTo(1);
        assertThat(outbox.offer("OUT 18 0 1700000000000001")).as("a failed outbox takes nothing").isFalse();
        unblock.countDown();
        outbox.close();
        assertThat(outbox.awaitClosed(5, TimeUnit.SECONDS)).isTrue();
        assertThat(failures.get()).as("failure is reported once").isEqualTo(1);
    }

    @Test
    void closeWritesWhatIsQueuedAndClosesTheStream() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        Recording out = new Recording() {
            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        LineOutbox outbox = new LineOutbox(out, "test-close", 1 << 16, Duration.ZERO, () -> { });
        outbox.offer("RELEASE 17");
        outbox.close();
        outbox.close();

        assertThat(outbox.awaitClosed(5, TimeUnit.SECONDS)).isTrue();
        assertThat(out.text()).isEqualTo("RELEASE 17\n");
        assertThat(closes.get()).isEqualTo(1);
        assertThat(outbox.offer("RELEASE 18")).isFalse();
    }
}
