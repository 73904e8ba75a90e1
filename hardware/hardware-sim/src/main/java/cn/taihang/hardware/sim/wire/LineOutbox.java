package cn.taihang.hardware.sim.wire;

import cn.taihang.hardware.spi.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the lines of one connection from a writer thread of its own. Callers append and return at
 * once; the writer takes everything appended so far, writes it in one go and flushes when it has
 * caught up, so a burst of lines costs one write and one flush, and a quiet line goes out at once.
 * Holds at most {@code capacity} characters: a caller that finds it full waits up to
 * {@code fullWait}, then the outbox fails (the peer is not reading) and the connection should be
 * dropped. Thread-safe.
 */
public final class LineOutbox implements AutoCloseable {

    private final OutputStream out;
    private final int capacity;
    private final long fullWaitNanos;
    private final Runnable onFailure;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Thread writer;
    private StringBuilder pending = new StringBuilder();
    private StringBuilder spare = new StringBuilder();
    private boolean closed;

    /**
     * @param out the connection's stream; closed with the outbox
     * @param threadName name of the writer thread
     * @param capacity most characters held, positive
     * @param fullWait how long a caller waits while the outbox is full; zero fails at once
     * @param onFailure run once if writing fails or the peer stops reading (e.g. close the socket)
     */
    public LineOutbox(OutputStream out, String threadName, int capacity, Duration fullWait, Runnable onFailure) {
        this.out = out;
        this.capacity = capacity;
        this.fullWaitNanos = fullWait.toNanos();
        this.onFailure = onFailure;
        this.writer = DaemonThreads.start(threadName, this::writeLoop);
    }

    /**
     * Queues one line; the terminator is added.
     *
     * @return {@code false} if the outbox is closed or failed (the line is dropped)
     */
    public boolean offer(String line) {
        boolean failed = false;
        lock.lock();
        try {
            long wait = fullWaitNanos;
            while (!closed && pending.length() + line.length() >= capacity) {
                if (wait <= 0) {
                    closed = true;
                    failed = true;
                    notEmpty.signalAll();
                    break;
                }
                wait = notFull.awaitNanos(wait);
            }
            if (closed) {
                return false;
            }
            pending.append(line).append('\n');
            notEmpty.signal();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
            if (failed) {
                onFailure.run();
            }
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                StringBuilder batch;
                lock.lock();
                try {
                    while (pending.length() == 0 && !closed) {
                        notEmpty.await();
                    }
                    if (pending.length() == 0) {
                        return;
                    }
                    batch = pending;
                    pending = spare;
                    spare = batch;
                    notFull.signalAll();
                } finally {
                    lock.unlock();
                }
                write(batch);
                batch.setLength(0);
            }
        } catch (IOException | InterruptedException e) {
            fail();
        } finally {
            closeStream();
        }
    }

    private void write(StringBuilder batch) throws IOException {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(batch));
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        out.flush();
    }

    private void fail() {
        boolean first;
        lock.lock();
        try {
            first = !closed;
            closed = true;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        if (first) {
            onFailure.run();
        }
    }

    private void closeStream() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the connection is going away anyway
        }
    }

    /** Writes what is queued, then closes the stream. Idempotent; does not wait for the writer. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the writer to finish after {@link #close()}.
     *
     * @return whether it finished in time
     */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        writer.join(unit.toMillis(timeout));
        return !writer.isAlive();
    }
}
