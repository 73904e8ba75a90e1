package cn.taihang.counter.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a lane, safe to hand to other threads.
 *
 * @param loopA status of loop A
 * @param loopB status of loop B, empty on a single-loop lane
 * @param intervalStartMicros start of the interval now in progress, µs since the epoch
 * @param intervalCount vehicles counted so far in that interval
 */
public record LaneStatus(LoopStatus loopA, Optional<LoopStatus> loopB, long intervalStartMicros, int intervalCount) {

    /** @throws NullPointerException if an object component is null */
    public LaneStatus {
        Objects.requireNonNull(loopA, "loopA");
        Objects.requireNonNull(loopB, "loopB");
    }
}
