package cn.taihang.counter.domain;

import java.util.Objects;

/**
 * The state of one loop, for status displays.
 *
 * @param loop which loop
 * @param occupied the debounced level: a vehicle (or a fault) is over the loop
 * @param stuck whether the loop has been occupied longer than the configured maximum (a fault that
 *     clears when it frees)
 * @param occupiedSinceMicros when it became occupied, µs since the epoch; 0 when free
 * @param glitches how many glitches shorter than the debounce time were dropped since start; a
 *     rising figure points at a failing detector card or loop
 */
public record LoopStatus(Loop loop, boolean occupied, boolean stuck, long occupiedSinceMicros, long glitches) {

    /** @throws NullPointerException if {@code loop} is null */
    public LoopStatus {
        Objects.requireNonNull(loop, "loop");
    }
}
