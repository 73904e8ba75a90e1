package cn.taihang.simulator.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ground truth of the crash scenario, produced inside a gateway process: publishes synthetic records at a steady
 * rate, each carrying a unique event id, and appends {@code <seq> <event> <priority>} to a journal for every record
 * the outbox acknowledged as durable. Journal lines are written with plain {@code write(2)} calls, so they survive a
 * {@code kill -9} of this process (the page cache belongs to the kernel); a line cut short by the kill is ignored by
 * the reader. A record acknowledged by the outbox but not yet journaled when the process dies is simply not part of
 * the ground truth (the producer never learned it was stored) — it may still reach the bridge ("unconfirmed").
 */
final class LoadProducer implements AutoCloseable {

    /** Record kind of the synthetic events. */
    static final String KIND = "load.event";
    /** The journal's file name in the gateway's data directory. */
    static final String JOURNAL = "load-journal.txt";
    /** A file in the data directory whose presence stops the producer. */
    static final String STOP_FILE = "load.stop";
    /** Written once the producer has stopped and every record it had in flight is answered and journalled. */
    static final String STOPPED_FILE = "load.stopped";
    private static final int MAX_OUTSTANDING = 2000;
    private static final String[] PRIORITY_BY_TENTH = {"CRITICAL", "HIGH", "HIGH", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "NORMAL", "BULK", "BULK"};

    private final FrameworkOutbox outbox;
    private final FileChannel journal;
    private final Path stopFile;
    private final Path stoppedFile;
    private boolean stoppedMarked;
    private final double perMilli;
    private final String device;
    private final String bootTag = Long.toString(System.currentTimeMillis(), 36);
    private final Semaphore window = new Semaphore(MAX_OUTSTANDING);
    private final StringBuilder pending = new StringBuilder();
    private final AtomicLong acked = new AtomicLong();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    /* runs on the classpath side of a gateway JVM (lib/ and the simulator's classes), where no bundle's class is: no DaemonThreads */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-producer");
        t.setDaemon(true);
        return t;
    });
    private final PrintStream out;
    private long startNanos;
    private long issued;
    private volatile boolean stopped;

    LoadProducer(FrameworkOutbox outbox, Path dataDir, String device, int ratePerSecond, PrintStream out) throws IOException {
        this.outbox = outbox;
        this.device = device;
        this.perMilli = ratePerSecond / 1000.0;
        this.out = out;
        this.stopFile = dataDir.resolve(STOP_FILE);
        this.stoppedFile = dataDir.resolve(STOPPED_FILE);
        this.journal = FileChannel.open(dataDir.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    void start() {
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(this::tick, 0, 10, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::flush, 20, 20, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::report, 5, 5, TimeUnit.SECONDS);
    }

    private void tick() {
        if (stopped) {
            return;
        }
        long due = (long) ((System.nanoTime() - startNanos) / 1e6 * perMilli);
        while (issued < due && window.tryAcquire()) {
            publishOne(issued++);
        }
    }

    private void publishOne(long n) {
        String event = bootTag + "-" + n;
        String priority = PRIORITY_BY_TENTH[(int) (n % 10)];
        outbox.publish(device, KIND, priority, Instant.now(), event, n).whenComplete((seq, error) -> {
            if (error == null) {
                synchronized (pending) {
                    pending.append(seq).append(' ').append(event).append(' ').append(priority).append('\n');
                }
                acked.incrementAndGet();
            } else {
                refused.computeIfAbsent(error.getClass().getSimpleName() + ": " + error.getMessage(), k -> new AtomicLong()).incrementAndGet();
            }
            window.release();
        });
    }

    private void flush() {
        boolean quiescent = stopped && window.availablePermits() == MAX_OUTSTANDING;
        String lines;
        synchronized (pending) {
            lines = pending.toString();
            pending.setLength(0);
        }
        if (!lines.isEmpty()) {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    journal.write(bytes);
                }
            } catch (IOException e) {
                out.println("LOAD journal write failed: " + e);
            }
        }
        if (quiescent && !stoppedMarked) {
            stoppedMarked = true;
            try {
                Files.writeString(stoppedFile, issued + "\n");
            } catch (IOException e) {
                out.println("LOAD could not write " + stoppedFile + ": " + e);
            }
            out.println("LOAD stopped after " + issued + " records, every one answered and journalled");
        }
        if (!stopped && Files.exists(stopFile)) {
            stopped = true;
        }
    }

    /**
     * Asks the producers in these data directories to stop and waits until each has answered and journalled every record
     * it had in flight (a journal read after this is final), or until the timeout.
     *
     * @return the data directories whose producer did not confirm in time (e.g. its gateway is down)
     */
    static java.util.List<Path> stopAndAwait(java.util.Collection<Path> dataDirs, java.time.Duration timeout) throws IOException {
        for (Path dir : dataDirs) {
            Files.writeString(dir.resolve(STOP_FILE), "stop\n");
        }
        long end = System.nanoTime() + timeout.toNanos();
        java.util.List<Path> waiting = new java.util.ArrayList<>(dataDirs);
        while (true) {
            waiting.removeIf(dir -> Files.exists(dir.resolve(STOPPED_FILE)));
            if (waiting.isEmpty() || System.nanoTime() > end) {
                return waiting;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private void report() {
        out.println("LOAD issued=" + issued + " acked=" + acked.get() + " refused=" + refused);
    }

    @Override
    public void close() {
        stopped = true;
        timer.shutdown();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        try {
            journal.close();
        } catch (IOException e) {
            out.println("LOAD journal close failed: " + e);
        }
    }
}
