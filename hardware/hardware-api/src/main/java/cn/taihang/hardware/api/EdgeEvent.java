package cn.taihang.hardware.api;

/**
 * A level change on a digital input.
 *
 * @param pin the GPIO number that changed
 * @param high the level after the change ({@code true} = electrically high)
 * @param timestampMicros when the change was observed at the source, in microseconds since the Unix
 *     epoch; edges of one input are delivered in non-decreasing timestamp order
 */
public record EdgeEvent(int pin, boolean high, long timestampMicros) {

    /** @return {@code true} for a low-to-high transition */
    public boolean rising() {
        return high;
    }
}
