package cn.taihang.counter.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One vehicle counted on a lane.
 *
 * @param detection how it was detected, never {@code null}
 * @param timeMicros when it reached the lane: loop A's leading edge, or loop B's when loop A did not
 *     see it ({@link Detection#MISSING_LOOP_A}); decides its interval
 * @param speedMps speed in m/s: present for {@link Detection#CLASSIFIED} and {@link Detection#WRONG_WAY}
 * @param lengthMeters length in metres: present when the speed is
 * @param lengthClass present only for {@link Detection#CLASSIFIED}
 * @param loopAOccupancyMicros how long loop A was occupied by it, 0 if loop A did not see it
 * @param loopBOccupancyMicros how long loop B was occupied by it, 0 if loop B did not see it
 */
public record DetectedVehicle(
        Detection detection,
        long timeMicros,
        OptionalDouble speedMps,
        OptionalDouble lengthMeters,
        Optional<LengthClass> lengthClass,
        long loopAOccupancyMicros,
        long loopBOccupancyMicros) {

    /** @throws NullPointerException if an object component is null */
    public DetectedVehicle {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(speedMps, "speedMps");
        Objects.requireNonNull(lengthMeters, "lengthMeters");
        Objects.requireNonNull(lengthClass, "lengthClass");
    }

    /** @return a vehicle of which only the time and occupancies are known */
    static DetectedVehicle counted(Detection detection, long timeMicros, long loopAOccupancyMicros,
            long loopBOccupancyMicros) {
        return new DetectedVehicle(detection, timeMicros, OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), loopAOccupancyMicros, loopBOccupancyMicros);
    }
}
