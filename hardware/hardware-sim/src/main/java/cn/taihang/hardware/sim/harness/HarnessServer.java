package cn.taihang.hardware.sim.harness;

import cn.taihang.hardware.sim.wire.IgnoredLines;
import cn.taihang.hardware.spi.DaemonThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's end of the harness: listens on the loopback interface; the gateways' simulated
 * boards dial in, one connection per gateway, and each appears as a {@link VirtualBoard} under its
 * node id. Two threads per connected gateway (reader and writer). Thread-safe.
 */
public final class HarnessServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HarnessServer.class);

    private final ServerSocket serverSocket;
    private final Map<String, VirtualBoard> boards = new ConcurrentHashMap<>();
    private final Set<NodeSession> sessions = ConcurrentHashMap.newKeySet();
    private final IgnoredLines ignored = new IgnoredLines("harness");
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private HarnessServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        this.acceptor = DaemonThreads.start("harness-accept-" + serverSocket.getLocalPort(), this::acceptLoop);
    }

    /** Starts on 127.0.0.1 on a free port; see {@link #port()}. */
    public static HarnessServer start() throws IOException {
        return start(0);
    }

    /**
     * Starts on 127.0.0.1.
     *
     * @param port the TCP port, or 0 for a free one
     * @throws IOException if the port cannot be bound (e.g. in use)
     */
    public static HarnessServer start(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen for gateways on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); pick another harness port", e);
        }
        LOG.info("harness listening on 127.0.0.1:{}", socket.getLocalPort());
        return new HarnessServer(socket);
    }

    /** @return the TCP port gateways dial, set it as their {@code harnessPort} */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * The board of a node, created on first use so listeners can be added before the gateway connects.
     *
     * @param nodeId the gateway id (its {@code nodeId} setting), one word
     * @throws IllegalArgumentException on a blank id or one with spaces
     */
    public VirtualBoard board(String nodeId) {
        if (nodeId == null || nodeId.isEmpty() || nodeId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("node id must be one word, was '" + nodeId + "'");
        }
        return boards.computeIfAbsent(nodeId, VirtualBoard::new);
    }

    /**
     * Waits until a gateway has connected and said HELLO.
     *
     * @throws TimeoutException if it did not within {@code timeout}
     */
    public VirtualBoard awaitNode(String nodeId, Duration timeout) throws InterruptedException, TimeoutException {
        VirtualBoard board = board(nodeId);
        if (!board.awaitConnected(timeout)) {
            throw new TimeoutException("node " + nodeId + " did not connect to the harness on port " + port() + " within "
                    + timeout + "; is its simulated board configured with this port and node id?");
        }
        return board;
    }

    /** @return every board known so far, connected or not; a snapshot */
    public Collection<VirtualBoard> boards() {
        return List.copyOf(boards.values());
    }

    /** @return how many lines from gateways were ignored, by kind of fault (e.g. {@code unknown-verb}) */
    public Map<String, Long> ignoredLines() {
        return ignored.counts();
    }

    /** @return how many connections have been accepted since start */
    public int connectionsAccepted() {
        return connections.get();
    }

    /** Stops listening and drops every connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.forEach(NodeSession::close);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                connections.incrementAndGet();
                NodeSession session = new NodeSession(socket, this, ignored);
                sessions.add(session);
                if (closed) {
                    session.close();
                }
                DaemonThreads.start("harness-in-" + socket.getPort(), session);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("harness stopped accepting gateways: {}", e.toString());
                }
                return;
            }
        }
    }

    void ended(NodeSession session) {
        sessions.remove(session);
    }
}
