package cn.taihang.simulator.tickets;

import cn.taihang.hardware.sim.harness.VirtualBoard;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays a QR scanner module on one gateway's simulated board: sends a scanned line, waits for the gate's
 * answer on the same serial line ({@code ACCEPTED …} / {@code REJECTED <CODE> …}) and watches the relay, timing
 * scan-line-in → relay-out as the harness sees it. One scan at a time per probe.
 */
public final class ScanProbe implements AutoCloseable {

    /**
     * What a gate did with a scan.
     *
     * @param verdict {@code ACCEPTED} or the rejection code, {@code TIMEOUT} if the gate said nothing
     * @param relayOpened whether the relay went high for it
     * @param latencyNanos line sent → relay high seen by the harness (accepted) or → answer line seen (refused): both
     *     harness hops included
     * @param relayMicros the line's scan stamp → the gateway's stamp of driving the relay high, µs (one harness hop
     *     in, then the bundle), or -1 when the relay did not open
     */
    public record Outcome(String verdict, boolean relayOpened, long latencyNanos, long relayMicros) {}

    private record Event(String port, String text, int pin, boolean high, long nanos, long micros) {}

    private final VirtualBoard board;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final VirtualBoard.TxListener tx = (port, text) -> events.add(new Event(port, text, -1, false, System.nanoTime(), 0));
    private final VirtualBoard.OutputListener out = (pin, high, micros) -> events.add(new Event(null, null, pin, high, System.nanoTime(), micros));

    /** @param board the gateway's board */
    public ScanProbe(VirtualBoard board) {
        this.board = board;
        board.addTxListener(tx);
        board.addOutputListener(out);
    }

    /**
     * Scans one text and waits for the verdict; after an accept, also waits for the relay to close again so
     * the next accept shows as a new edge.
     */
    public synchronized Outcome scan(String port, String text, int relayPin, Duration timeout) throws InterruptedException {
        events.clear();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        java.time.Instant now = java.time.Instant.now();
        long sentMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        if (!board.sendLine(port, text, sentMicros)) {
            return new Outcome("NOT_CONNECTED", false, 0, -1);
        }
        long relayAt = 0;
        long relayMicros = -1;
        while (true) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                return new Outcome("TIMEOUT", relayAt != 0, 0, relayMicros);
            }
            if (e.text() == null) {
                if (e.pin() == relayPin && e.high() && relayAt == 0) {
                    relayAt = e.nanos();
                    relayMicros = e.micros() - sentMicros;
                }
                continue;
            }
            if (!e.port().equals(port)) {
                continue;
            }
            String[] words = e.text().split(" ", 3);
            String verdict = words[0].equals("REJECTED") && words.length > 1 ? words[1] : words[0];
            if (verdict.equals("ACCEPTED")) {
                awaitRelayLow(relayPin, deadline);
            }
            return new Outcome(verdict, relayAt != 0, (relayAt != 0 ? relayAt : e.nanos()) - start, relayMicros);
        }
    }

    private void awaitRelayLow(int relayPin, long deadline) throws InterruptedException {
        while (board.outputLevel(relayPin) && System.nanoTime() < deadline) {
            Event e = events.poll(10, TimeUnit.MILLISECONDS);
            if (e != null && e.pin() == relayPin && !e.high()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        board.removeTxListener(tx);
        board.removeOutputListener(out);
    }
}
