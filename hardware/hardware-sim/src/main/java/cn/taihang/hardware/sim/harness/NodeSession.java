package cn.taihang.hardware.sim.harness;

import cn.taihang.hardware.sim.wire.HarnessMessage;
import cn.taihang.hardware.sim.wire.LineOutbox;
import cn.taihang.hardware.sim.wire.MalformedLineException;
import cn.taihang.hardware.sim.wire.IgnoredLines;
import cn.taihang.hardware.spi.LineReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One gateway connection on the simulator side: waits for HELLO, then feeds the node's board. */
final class NodeSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeSession.class);
    private static final int HELLO_TIMEOUT_MILLIS = 10_000;
    private static final int OUTBOX_CAPACITY = 4 * 1024 * 1024;
    private static final Duration OUTBOX_FULL_WAIT = Duration.ofSeconds(5);

    private final Socket socket;
    private final HarnessServer server;
    private final IgnoredLines ignored;
    private volatile LineOutbox outbox;

    NodeSession(Socket socket, HarnessServer server, IgnoredLines ignored) {
        this.socket = socket;
        this.server = server;
        this.ignored = ignored;
    }

    @Override
    public void run() {
        VirtualBoard board = null;
        try {
            socket.setSoTimeout(HELLO_TIMEOUT_MILLIS);
            LineReader reader = new LineReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8),
                    HarnessMessage.MAX_LINE);
            HarnessMessage.Hello hello = readHello(reader);
            if (hello == null) {
                return;
            }
            socket.setSoTimeout(0);
            outbox = new LineOutbox(socket.getOutputStream(), "harness-out-" + hello.nodeId(), OUTBOX_CAPACITY,
                    OUTBOX_FULL_WAIT, this::close);
            board = server.board(hello.nodeId());
            NodeSession previous = board.attach(this, hello.board());
            if (previous != null) {
                LOG.info("node {} connected again; dropping its previous connection", hello.nodeId());
                previous.close();
            }
            LOG.info("node {} ({}) connected from {}", hello.nodeId(), hello.board(), socket.getRemoteSocketAddress());
            readMessages(reader, board);
        } catch (SocketTimeoutException e) {
            ignored.report("no-hello", "a connection said nothing for " + HELLO_TIMEOUT_MILLIS + " ms; closed");
        } catch (IOException e) {
            LOG.debug("harness connection ended: {}", e.toString());
        } finally {
            if (board != null) {
                board.detach(this);
                LOG.info("node {} disconnected", board.nodeId());
            }
            close();
            server.ended(this);
        }
    }

    private HarnessMessage.Hello readHello(LineReader reader) throws IOException {
        String first = reader.readLine(length -> ignored.report("oversized", "line of " + length + " characters"));
        if (first == null) {
            return null;
        }
        try {
            if (HarnessMessage.parse(first) instanceof HarnessMessage.Hello hello) {
                return hello;
            }
            ignored.report("not-hello-first", "a connection did not start with HELLO; closed");
        } catch (MalformedLineException e) {
            ignored.report("not-hello-first", "a connection did not start with a valid HELLO (" + e.getMessage() + "); closed");
        }
        return null;
    }

    private void readMessages(LineReader reader, VirtualBoard board) throws IOException {
        for (String line = reader.readLine(this::oversized); line != null; line = reader.readLine(this::oversized)) {
            try {
                dispatch(HarnessMessage.parse(line), board);
            } catch (MalformedLineException e) {
                ignored.report(e);
            }
        }
        if (reader.endedMidLine()) {
            ignored.report("truncated", "the connection of node " + board.nodeId() + " ended in the middle of a line");
        }
    }

    private void dispatch(HarnessMessage message, VirtualBoard board) {
        if (message instanceof HarnessMessage.Claim claim) {
            board.claimed(claim);
        } else if (message instanceof HarnessMessage.Release release) {
            board.released(release.pin());
        } else if (message instanceof HarnessMessage.Out out) {
            board.driven(out);
        } else if (message instanceof HarnessMessage.Open open) {
            board.opened(open);
        } else if (message instanceof HarnessMessage.Close close) {
            board.closed(close.port());
        } else if (message instanceof HarnessMessage.Tx tx) {
            board.transmitted(tx);
        } else {
            ignored.report("wrong-direction", "the gateway sent " + message.getClass().getSimpleName());
        }
    }

    private void oversized(int length) {
        ignored.report("oversized", "line of " + length + " characters");
    }

    boolean send(HarnessMessage message) {
        LineOutbox current = outbox;
        return current != null && current.offer(message.toLine());
    }

    void close() {
        LineOutbox current = outbox;
        if (current != null) {
            current.close();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
