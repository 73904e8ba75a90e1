package cn.taihang.hardware.sim.internal;

import cn.taihang.hardware.sim.wire.Backoff;
import cn.taihang.hardware.sim.wire.HarnessMessage;
import cn.taihang.hardware.sim.wire.IgnoredLines;
import cn.taihang.hardware.sim.wire.LineOutbox;
import cn.taihang.hardware.sim.wire.MalformedLineException;
import cn.taihang.hardware.spi.DaemonThreads;
import cn.taihang.hardware.spi.LineReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's end of the harness: dials the simulator, reads its lines, and redials with capped,
 * jittered backoff whenever it is not there or the connection drops. What to send on a new
 * connection is the peer's business ({@link Peer#connected}).
 */
final class HarnessLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HarnessLink.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int OUTBOX_CAPACITY = 1024 * 1024;

    /** Who uses the connection. Called on the link's thread. */
    interface Peer {
        /** A connection is up; send HELLO and re-announce through {@code outbox}. */
        void connected(LineOutbox outbox);

        /** A line arrived from the simulator. */
        void received(HarnessMessage message);

        /** The connection of {@code outbox} is gone. */
        void disconnected(LineOutbox outbox);
    }

    private final String host;
    private final int port;
    private final String nodeId;
    private final Peer peer;
    private final IgnoredLines ignored;
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5),
            () -> ThreadLocalRandom.current().nextDouble());
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile Socket current;
    private volatile boolean closed;
    private volatile boolean connected;
    private int failuresInARow;

    HarnessLink(String host, int port, String nodeId, Peer peer, IgnoredLines ignored) {
        this.host = host;
        this.port = port;
        this.nodeId = nodeId;
        this.peer = peer;
        this.ignored = ignored;
        this.thread = DaemonThreads.named("harness-link-" + nodeId).newThread(this::dialLoop);
    }

    void start() {
        thread.start();
    }

    boolean isConnected() {
        return connected;
    }

    private void dialLoop() {
        while (!closed) {
            Socket socket = new Socket();
            current = socket;
            try {
                if (closed) {
                    return;
                }
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                socket.setTcpNoDelay(true);
                serve(socket);
            } catch (IOException e) {
                if (failuresInARow++ == 0) {
                    LOG.warn("node {}: simulator harness {}:{} not reachable ({}); redialling with backoff up to 5 s",
                            nodeId, host, port, e.toString());
                } else {
                    LOG.debug("node {}: harness still not reachable: {}", nodeId, e.toString());
                }
            } finally {
                closeQuietly(socket);
            }
            pause(backoff.next());
        }
    }

    private void serve(Socket socket) throws IOException {
        LineOutbox outbox = new LineOutbox(socket.getOutputStream(), "harness-out-" + nodeId, OUTBOX_CAPACITY,
                Duration.ZERO, () -> closeQuietly(socket));
        backoff.reset();
        failuresInARow = 0;
        LOG.info("node {}: connected to simulator harness {}:{}", nodeId, host, port);
        peer.connected(outbox);
        connected = true;
        try {
            LineReader reader = new LineReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8),
                    HarnessMessage.MAX_LINE);
            for (String line = reader.readLine(this::oversized); line != null; line = reader.readLine(this::oversized)) {
                try {
                    peer.received(HarnessMessage.parse(line));
                } catch (MalformedLineException e) {
                    ignored.report(e);
                }
            }
            if (reader.endedMidLine()) {
                ignored.report("truncated", "the harness connection ended in the middle of a line");
            }
        } catch (IOException e) {
            LOG.debug("node {}: harness connection failed: {}", nodeId, e.toString());
        } finally {
            connected = false;
            peer.disconnected(outbox);
            outbox.close();
            if (!closed) {
                LOG.warn("node {}: lost the simulator harness; redialling", nodeId);
            }
        }
    }

    private void oversized(int length) {
        ignored.report("oversized", "a line of " + length + " characters");
    }

    private void pause(Duration delay) {
        try {
            stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops dialling and drops the connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        stopped.countDown();
        closeQuietly(current);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_MILLIS / 1000 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignoredOnClose) {
            // closing anyway
        }
    }
}
