package cn.taihang.hardware.sim.harness;

import cn.taihang.hardware.sim.wire.HarnessMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's handle on one gateway's simulated board, by node id. The handle exists from the
 * first {@link HarnessServer#board(String)} call and survives reconnects of the gateway, so listeners
 * can be added before the gateway ever connects. While the gateway is disconnected nothing is claimed
 * and every output reads low; on reconnect the gateway re-announces what it holds. Thread-safe.
 */
public final class VirtualBoard {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualBoard.class);

    /** Direction of a claimed pin, as the gateway announced it. */
    public enum Direction { IN, OUT }

    /**
     * A pin the gateway holds.
     *
     * @param pin GPIO number
     * @param direction input or output
     * @param owner the device the gateway named as holder
     */
    public record Claim(int pin, Direction direction, String owner) {}

    /** Receives the levels the gateway drives, on the connection's reader thread; must not block. */
    @FunctionalInterface
    public interface OutputListener {
        /**
         * @param pin GPIO number
         * @param high the level driven
         * @param epochMicros when the gateway drove it, µs since the epoch (the gateway's clock)
         */
        void onOutput(int pin, boolean high, long epochMicros);
    }

    /** Receives the lines the gateway writes to a serial port, on the connection's reader thread; must not block. */
    @FunctionalInterface
    public interface TxListener {
        /**
         * @param port the simulated port name
         * @param text the line, without terminator
         */
        void onTx(String port, String text);
    }

    private final String nodeId;
    private final List<OutputListener> outputListeners = new CopyOnWriteArrayList<>();
    private final List<TxListener> txListeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, Claim> claims = new TreeMap<>();
    private final Map<String, String> ports = new TreeMap<>();
    private final Map<Integer, Boolean> levels = new HashMap<>();
    private NodeSession session;
    private String boardId = "";
    private boolean listenerFailureLogged;

    VirtualBoard(String nodeId) {
        this.nodeId = nodeId;
    }

    /** @return the gateway's node id */
    public String nodeId() {
        return nodeId;
    }

    /** @return the board profile id the gateway announced, or {@code ""} before its first connection */
    public synchronized String boardId() {
        return boardId;
    }

    /** @return whether the gateway is connected now */
    public synchronized boolean isConnected() {
        return session != null;
    }

    /**
     * Waits until the gateway is connected.
     *
     * @return whether it is connected
     */
    public synchronized boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (session == null) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the gateway holds {@code pin} now, as input or output */
    public synchronized boolean isClaimed(int pin) {
        return claims.containsKey(pin);
    }

    /**
     * Waits until the gateway holds {@code pin}.
     *
     * @return whether it holds it
     */
    public synchronized boolean awaitClaimed(int pin, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!claims.containsKey(pin)) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** @return the pins the gateway holds now, by pin number; a snapshot */
    public synchronized Map<Integer, Claim> claims() {
        return Map.copyOf(claims);
    }

    /** @return the serial ports the gateway holds now, port name to owner; a snapshot */
    public synchronized Map<String, String> openPorts() {
        return Map.copyOf(ports);
    }

    /**
     * Waits until the gateway holds serial {@code port}.
     *
     * @return whether it holds it
     */
    public synchronized boolean awaitPortOpen(String port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ports.containsKey(port)) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** @return the level the gateway drives on {@code pin} now; low if it drives nothing there */
    public synchronized boolean outputLevel(int pin) {
        return levels.getOrDefault(pin, false);
    }

    /**
     * Sends an input edge. The gateway ignores (and counts) edges of pins it does not hold as inputs,
     * and edges that repeat the level it already has.
     *
     * @param epochMicros when the edge happened at the simulated source, µs since the epoch; the
     *     gateway delivers it unchanged (raised to the previous edge's time should it go backwards)
     * @return {@code false} if the gateway is not connected (the edge is lost, as on a cut wire)
     * @throws IllegalArgumentException on a negative pin or timestamp
     */
    public boolean sendEdge(int pin, boolean high, long epochMicros) {
        return send(new HarnessMessage.Edge(pin, high, epochMicros));
    }

    /** Sends a serial line stamped now. @see #sendLine(String, String, long) */
    public boolean sendLine(String port, String text) {
        Instant now = Instant.now();
        return sendLine(port, text, now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
    }

    /**
     * Sends one line from a simulated serial device (e.g. a QR scanner) to the gateway.
     *
     * @param port the simulated port name, one word
     * @param text the line, without CR or LF
     * @param epochMicros when its terminator arrived, µs since the epoch
     * @return {@code false} if the gateway is not connected (the line is lost)
     * @throws IllegalArgumentException on a port with spaces, a text with CR/LF or over 8 k characters
     */
    public boolean sendLine(String port, String text, long epochMicros) {
        return send(new HarnessMessage.Line(port, epochMicros, text));
    }

    /** @param listener told every level the gateway drives, from now on */
    public void addOutputListener(OutputListener listener) {
        outputListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener no longer told */
    public void removeOutputListener(OutputListener listener) {
        outputListeners.remove(listener);
    }

    /** @param listener told every line the gateway writes to a serial port, from now on */
    public void addTxListener(TxListener listener) {
        txListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener no longer told */
    public void removeTxListener(TxListener listener) {
        txListeners.remove(listener);
    }

    @Override
    public synchronized String toString() {
        return "VirtualBoard[" + nodeId + (session == null ? ", disconnected" : ", connected") + ", claims=" + claims.values()
                + ", ports=" + ports + "]";
    }

    private boolean send(HarnessMessage message) {
        NodeSession current;
        synchronized (this) {
            current = session;
        }
        return current != null && current.send(message);
    }

    private boolean waitUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        wait(Math.max(1, left / 1_000_000));
        return true;
    }

    synchronized NodeSession attach(NodeSession newSession, String announcedBoard) {
        NodeSession previous = session;
        clear();
        session = newSession;
        boardId = announcedBoard;
        notifyAll();
        return previous;
    }

    synchronized void detach(NodeSession oldSession) {
        if (session == oldSession) {
            session = null;
            clear();
            notifyAll();
        }
    }

    private void clear() {
        claims.clear();
        ports.clear();
        levels.clear();
    }

    synchronized void claimed(HarnessMessage.Claim claim) {
        claims.put(claim.pin(), new Claim(claim.pin(), claim.output() ? Direction.OUT : Direction.IN, claim.owner()));
        notifyAll();
    }

    synchronized void released(int pin) {
        claims.remove(pin);
        levels.remove(pin);
        notifyAll();
    }

    synchronized void opened(HarnessMessage.Open open) {
        ports.put(open.port(), open.owner());
        notifyAll();
    }

    synchronized void closed(String port) {
        ports.remove(port);
        notifyAll();
    }

    void driven(HarnessMessage.Out out) {
        synchronized (this) {
            levels.put(out.pin(), out.high());
        }
        for (OutputListener listener : outputListeners) {
            try {
                listener.onOutput(out.pin(), out.high(), out.epochMicros());
            } catch (RuntimeException e) {
                logListenerFailure(e);
            }
        }
    }

    void transmitted(HarnessMessage.Tx tx) {
        for (TxListener listener : txListeners) {
            try {
                listener.onTx(tx.port(), tx.text());
            } catch (RuntimeException e) {
                logListenerFailure(e);
            }
        }
    }

    private void logListenerFailure(RuntimeException e) {
        boolean first;
        synchronized (this) {
            first = !listenerFailureLogged;
            listenerFailureLogged = true;
        }
        if (first) {
            LOG.warn("a listener of node {} failed; it is skipped for that message (logged once per board)", nodeId, e);
        }
    }
}
