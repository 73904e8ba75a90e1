package cn.taihang.counter.domain;

import java.util.Objects;

/**
 * A level change of one loop: raw from a detector output, or confirmed by the debounce.
 *
 * @param loop which loop changed, never {@code null}
 * @param occupied the level after the change: {@code true} when a vehicle is over the loop
 * @param timestampMicros when it changed, in microseconds since the Unix epoch
 */
public record LoopEdge(Loop loop, boolean occupied, long timestampMicros) {

    /** @throws NullPointerException if {@code loop} is null */
    public LoopEdge {
        Objects.requireNonNull(loop, "loop");
    }
}
