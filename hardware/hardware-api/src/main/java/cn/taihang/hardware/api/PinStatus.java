package cn.taihang.hardware.api;

/**
 * Status of one held pin, for consoles and health reports.
 *
 * @param pin GPIO number
 * @param direction {@code INPUT} or {@code OUTPUT}
 * @param owner the holder named when the pin was opened
 * @param high the current level
 * @param lastChangeMicros when the level last changed (µs since the epoch), or 0 if never
 * @param edges how many edges the pin has seen (inputs) or driven (outputs) since it was opened
 */
public record PinStatus(int pin, Direction direction, String owner, boolean high, long lastChangeMicros, long edges) {

    /** Direction of a pin. */
    public enum Direction { INPUT, OUTPUT }
}
