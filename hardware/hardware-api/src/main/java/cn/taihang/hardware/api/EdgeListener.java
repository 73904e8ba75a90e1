package cn.taihang.hardware.api;

/**
 * Receives the edges of one {@link DigitalInput}. Called on a hardware thread: implementations must
 * return quickly and must not block; exceptions they throw are logged and swallowed.
 */
@FunctionalInterface
public interface EdgeListener {

    /** @param event the edge, never {@code null} */
    void onEdge(EdgeEvent event);
}
