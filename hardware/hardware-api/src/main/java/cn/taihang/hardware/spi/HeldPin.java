package cn.taihang.hardware.spi;

import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.PinStatus;

/**
 * One held pin and what it has seen: its level, when it last changed and how many edges it had.
 * Timestamps of one pin never go backwards: a change stamped earlier than the previous one is
 * recorded at the previous one's time and counted. Thread-safe.
 */
public final class HeldPin {

    private final int pin;
    private final PinStatus.Direction direction;
    private final String owner;
    private boolean high;
    private long lastChangeMicros;
    private long edges;
    private long raisedTimestamps;

    HeldPin(int pin, PinStatus.Direction direction, String owner, boolean initialHigh) {
        this.pin = pin;
        this.direction = direction;
        this.owner = owner;
        this.high = initialHigh;
    }

    /** @return the GPIO number */
    public int pin() {
        return pin;
    }

    /** @return input or output */
    public PinStatus.Direction direction() {
        return direction;
    }

    /** @return who holds the pin */
    public String owner() {
        return owner;
    }

    /** @return the level last recorded */
    public synchronized boolean isHigh() {
        return high;
    }

    /**
     * Sets the level the hardware showed when the pin was opened, before any edge; counts no edge.
     *
     * @param observedHigh the level read from the hardware
     */
    public synchronized void settle(boolean observedHigh) {
        if (edges == 0) {
            high = observedHigh;
        }
    }

    /**
     * Records a level seen on an input or driven on an output.
     *
     * @param newHigh the level now
     * @param timestampMicros when it changed, µs since the Unix epoch
     * @return the edge to deliver, with a timestamp not earlier than the previous edge's, or
     *     {@code null} if the level did not change
     */
    public synchronized EdgeEvent change(boolean newHigh, long timestampMicros) {
        if (newHigh == high) {
            return null;
        }
        long stamp = timestampMicros;
        if (stamp < lastChangeMicros) {
            stamp = lastChangeMicros;
            raisedTimestamps++;
        }
        high = newHigh;
        lastChangeMicros = stamp;
        edges++;
        return new EdgeEvent(pin, newHigh, stamp);
    }

    /** @return how many changes arrived stamped earlier than the change before them */
    public synchronized long raisedTimestamps() {
        return raisedTimestamps;
    }

    /** @return the pin's status for consoles and health reports */
    public synchronized PinStatus status() {
        return new PinStatus(pin, direction, owner, high, lastChangeMicros, edges);
    }

    @Override
    public synchronized String toString() {
        return "GPIO " + pin + " " + direction + " held by '" + owner + "' " + (high ? "high" : "low");
    }
}
