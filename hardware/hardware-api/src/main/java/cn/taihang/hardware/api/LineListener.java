package cn.taihang.hardware.api;

/**
 * Receives the lines of one {@link SerialLine}, without their terminator. Called on a hardware thread;
 * implementations must not block.
 */
public interface LineListener {

    /**
     * @param line one received line, never {@code null}, at most the spec's maximum length
     * @param timestampMicros when its terminator arrived, µs since the Unix epoch
     */
    void onLine(String line, long timestampMicros);

    /**
     * A line longer than the spec's maximum was received and discarded.
     *
     * @param length how many characters arrived before the terminator
     */
    default void onOverflow(int length) {
    }
}
