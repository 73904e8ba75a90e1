package cn.taihang.hardware.spi;

import cn.taihang.hardware.api.DigitalInput;
import cn.taihang.hardware.api.EdgeEvent;
import cn.taihang.hardware.api.EdgeListener;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link DigitalInput} over a {@link HeldPin}: the implementation feeds it the levels its driver
 * reports, and it turns changes into edges for the listener. A listener that throws does not stop
 * later edges. Feed it from one thread at a time per input, so edges keep their order.
 */
public final class HeldInput implements DigitalInput {

    private final HeldPin held;
    private final EdgeListener listener;
    private final Consumer<RuntimeException> firstListenerFailure;
    private final Runnable release;
    private volatile boolean closed;
    private long listenerFailures;

    /**
     * @param held the claim of the pin
     * @param listener receives the edges
     * @param firstListenerFailure told the first exception the listener throws (to log it); later ones are only counted
     * @param release frees the pin in the implementation; run once, on the first {@link #close()}
     */
    public HeldInput(HeldPin held, EdgeListener listener, Consumer<RuntimeException> firstListenerFailure, Runnable release) {
        this.held = Objects.requireNonNull(held, "held");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.firstListenerFailure = Objects.requireNonNull(firstListenerFailure, "firstListenerFailure");
        this.release = Objects.requireNonNull(release, "release");
    }

    /** @return the claim of the pin */
    public HeldPin held() {
        return held;
    }

    /**
     * Records a level the driver reported and delivers the edge, if it is one. Does nothing once closed.
     *
     * @param high the level now
     * @param timestampMicros when it changed, µs since the epoch
     * @return {@code false} if the level repeated the current one (no edge)
     */
    public boolean deliver(boolean high, long timestampMicros) {
        if (closed) {
            return true;
        }
        EdgeEvent edge = held.change(high, timestampMicros);
        if (edge == null) {
            return false;
        }
        try {
            listener.onEdge(edge);
        } catch (RuntimeException e) {
            if (listenerFailures++ == 0) {
                firstListenerFailure.accept(e);
            }
        }
        return true;
    }

    /** @return how many times the listener threw */
    public long listenerFailures() {
        return listenerFailures;
    }

    @Override
    public int pin() {
        return held.pin();
    }

    @Override
    public boolean isHigh() {
        return held.isHigh();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }

    @Override
    public String toString() {
        return held.toString();
    }
}
