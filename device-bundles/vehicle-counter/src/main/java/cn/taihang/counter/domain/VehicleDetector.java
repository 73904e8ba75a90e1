package cn.taihang.counter.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Turns the debounced edges of a lane's loops, in timestamp order, into vehicles.
 *
 * <p>Every occupancy of loop A starts a passage. On a dual-loop lane, loop B's leading edge joins
 * the oldest passage still waiting for it, unless that passage's gap since leaving loop A is longer
 * than any vehicle of its occupancy could take to cover the space between the loops (then that
 * passage missed loop B and the edge belongs to the next one). A leading edge on B with no passage
 * waiting starts a reverse candidate, which becomes wrong-way if loop A follows in time. A passage
 * completes when both loops went off. Loop A alone for longer than the missing-loop timeout after
 * it freed, or loop B alone likewise, is counted unclassified.
 *
 * <p>A loop occupied longer than the configured maximum is stuck: the passage it holds is dropped
 * uncounted; while it stays stuck, vehicles on the other loop are counted as {@link
 * Detection#LOOP_FAULT}. The fault clears when the loop frees.
 */
final class VehicleDetector {

    /** Faster than this (252 km/h) is a measurement error, not a vehicle. */
    static final double MAX_PLAUSIBLE_SPEED_MPS = 70;
    /** Longer than this is two vehicles merged or a measurement error. */
    static final double MAX_PLAUSIBLE_LENGTH_METERS = 30;
    /** How much slower than at constant speed a vehicle may cross the gap between the loops. */
    private static final double GAP_TOLERANCE = 2;
    private static final long UNSET = Long.MIN_VALUE;

    private final LaneConfig config;
    private final boolean dual;
    private final Consumer<DetectedVehicle> sink;
    private final LoopState loopA = new LoopState();
    private final LoopState loopB = new LoopState();
    private final List<Passage> passages = new ArrayList<>();

    VehicleDetector(LaneConfig config, Consumer<DetectedVehicle> sink) {
        this.config = config;
        this.dual = config.dualLoop();
        this.sink = sink;
    }

    /** @param edge a debounced edge, not earlier than any edge passed before */
    void onTransition(LoopEdge edge) {
        LoopState loop = state(edge.loop());
        if (loop.occupied == edge.occupied()) {
            return;
        }
        loop.occupied = edge.occupied();
        long t = edge.timestampMicros();
        if (edge.occupied()) {
            loop.since = t;
        } else if (loop.stuck) {
            loop.stuck = false;
            return;
        }
        if (edge.loop() == Loop.A) {
            if (edge.occupied()) {
                onAOn(t);
            } else {
                onAOff(t);
            }
        } else if (edge.occupied()) {
            onBOn(t);
        } else {
            onBOff(t);
        }
    }

    /** Adopts a level read directly at start; starts no passage. */
    void assumeLevel(Loop which, boolean occupied, long atMicros) {
        LoopState loop = state(which);
        loop.occupied = occupied;
        loop.since = atMicros;
    }

    /** Applies the timeouts as of {@code nowMicros}: missing loops and stuck loops. */
    void advanceTo(long nowMicros) {
        expire(nowMicros);
        if (loopA.stuckAt(nowMicros, config.maxOccupiedMicros())) {
            passages.removeIf(p -> p.aOn != UNSET && p.aOff == UNSET);
        }
        if (dual && loopB.stuckAt(nowMicros, config.maxOccupiedMicros())) {
            onLoopBStuck();
        }
    }

    /** @return the status of one loop (without glitch count) */
    LoopStatus status(Loop which, long glitches) {
        LoopState loop = state(which);
        return new LoopStatus(which, loop.occupied, loop.stuck, loop.occupied ? loop.since : 0, glitches);
    }

    /** @return whether any loop is stuck */
    boolean faulted() {
        return loopA.stuck || loopB.stuck;
    }

    /** @return when the earliest stuck loop passed the maximum occupancy; meaningful while {@link #faulted()} */
    long faultSinceMicros() {
        long since = Long.MAX_VALUE;
        for (LoopState loop : new LoopState[] {loopA, loopB}) {
            if (loop.stuck) {
                since = Math.min(since, loop.since + config.maxOccupiedMicros());
            }
        }
        return since;
    }

    private void onAOn(long t) {
        expire(t);
        if (dual && !loopB.stuck) {
            Optional<Passage> reverse = first(p -> p.reverse && p.aOn == UNSET
                    && (p.bOff == UNSET || t - p.bOff <= maxGapMicros(p.bOff - p.bOn)));
            if (reverse.isPresent()) {
                reverse.get().aOn = t;
                return;
            }
        }
        Passage passage = new Passage(false);
        passage.aOn = t;
        passages.add(passage);
    }

    private void onAOff(long t) {
        Optional<Passage> open = first(p -> p.aOn != UNSET && p.aOff == UNSET);
        if (open.isEmpty()) {
            return;
        }
        Passage p = open.get();
        p.aOff = t;
        if (!dual) {
            finish(p, DetectedVehicle.counted(Detection.COUNT_ONLY, p.aOn, t - p.aOn, 0));
        } else if (loopB.stuck && p.bOn == UNSET) {
            finish(p, DetectedVehicle.counted(Detection.LOOP_FAULT, p.aOn, t - p.aOn, 0));
        } else {
            tryComplete(p);
        }
    }

    private void onBOn(long t) {
        expire(t);
        if (!loopA.stuck) {
            for (Iterator<Passage> it = passages.iterator(); it.hasNext();) {
                Passage p = it.next();
                if (p.reverse || p.bOn != UNSET) {
                    continue;
                }
                if (p.aOff != UNSET && t - p.aOff > maxGapMicros(p.aOff - p.aOn)) {
                    it.remove();
                    sink.accept(DetectedVehicle.counted(Detection.MISSING_LOOP_B, p.aOn, p.aOff - p.aOn, 0));
                    continue;
                }
                p.bOn = t;
                return;
            }
        }
        Passage candidate = new Passage(true);
        candidate.bOn = t;
        passages.add(candidate);
    }

    private void onBOff(long t) {
        Optional<Passage> open = first(p -> p.bOn != UNSET && p.bOff == UNSET);
        if (open.isEmpty()) {
            return;
        }
        Passage p = open.get();
        p.bOff = t;
        if (p.aOn == UNSET) {
            if (loopA.stuck) {
                finish(p, DetectedVehicle.counted(Detection.LOOP_FAULT, p.bOn, 0, t - p.bOn));
            }
            return;
        }
        tryComplete(p);
    }

    private void onLoopBStuck() {
        for (Iterator<Passage> it = passages.iterator(); it.hasNext();) {
            Passage p = it.next();
            boolean holdsB = p.bOn != UNSET && p.bOff == UNSET;
            boolean waitsForB = !p.reverse && p.bOn == UNSET;
            if (holdsB && p.aOn == UNSET) {
                it.remove();
            } else if ((holdsB || waitsForB) && p.aOff != UNSET) {
                it.remove();
                sink.accept(DetectedVehicle.counted(Detection.LOOP_FAULT, p.aOn, p.aOff - p.aOn, 0));
            } else if (holdsB) {
                p.reverse = false;
                p.bOn = UNSET;
            }
        }
    }

    private void tryComplete(Passage p) {
        if (p.aOff == UNSET || p.bOff == UNSET) {
            return;
        }
        long occupancyA = p.aOff - p.aOn;
        long occupancyB = p.bOff - p.bOn;
        long travelMicros = p.reverse ? p.aOn - p.bOn : p.bOn - p.aOn;
        double speed = travelMicros > 0 ? config.loopSpacingMeters() / (travelMicros / 1e6) : Double.POSITIVE_INFINITY;
        double length = speed * (occupancyA + occupancyB) / 2e6 - config.loopLengthMeters();
        boolean plausible = speed <= MAX_PLAUSIBLE_SPEED_MPS && length > 0 && length <= MAX_PLAUSIBLE_LENGTH_METERS;
        OptionalDouble speedMps = plausible ? OptionalDouble.of(speed) : OptionalDouble.empty();
        OptionalDouble lengthMeters = plausible ? OptionalDouble.of(length) : OptionalDouble.empty();
        DetectedVehicle vehicle;
        if (p.reverse) {
            vehicle = new DetectedVehicle(Detection.WRONG_WAY, p.aOn, speedMps, lengthMeters, Optional.empty(),
                    occupancyA, occupancyB);
        } else if (plausible) {
            vehicle = new DetectedVehicle(Detection.CLASSIFIED, p.aOn, speedMps, lengthMeters,
                    Optional.of(config.classifier().classify(length)), occupancyA, occupancyB);
        } else {
            vehicle = DetectedVehicle.counted(Detection.IMPLAUSIBLE, p.aOn, occupancyA, occupancyB);
        }
        finish(p, vehicle);
    }

    private void expire(long nowMicros) {
        long timeout = config.missingLoopTimeoutMicros();
        for (Iterator<Passage> it = passages.iterator(); it.hasNext();) {
            Passage p = it.next();
            if (!p.reverse && p.bOn == UNSET && p.aOff != UNSET && nowMicros - p.aOff > timeout) {
                it.remove();
                sink.accept(DetectedVehicle.counted(Detection.MISSING_LOOP_B, p.aOn, p.aOff - p.aOn, 0));
            } else if (p.reverse && p.aOn == UNSET && p.bOff != UNSET && nowMicros - p.bOff > timeout) {
                it.remove();
                sink.accept(DetectedVehicle.counted(Detection.MISSING_LOOP_A, p.bOn, 0, p.bOff - p.bOn));
            }
        }
    }

    /**
     * The longest a vehicle that occupied one loop for {@code occupancyMicros} may take from leaving
     * it to reaching the other: at constant speed, occupancy × gap / loop length; doubled for slowing
     * traffic, plus the debounce, and never more than the missing-loop timeout.
     */
    private long maxGapMicros(long occupancyMicros) {
        double gapRatio = (config.loopSpacingMeters() - config.loopLengthMeters()) / config.loopLengthMeters();
        long physical = Math.round(occupancyMicros * gapRatio * GAP_TOLERANCE) + config.debounceMicros();
        return Math.min(physical, config.missingLoopTimeoutMicros());
    }

    private void finish(Passage p, DetectedVehicle vehicle) {
        passages.remove(p);
        sink.accept(vehicle);
    }

    private Optional<Passage> first(Predicate<Passage> condition) {
        return passages.stream().filter(condition).findFirst();
    }

    private LoopState state(Loop loop) {
        if (loop == Loop.B && !dual) {
            throw new IllegalArgumentException("lane " + config.lane() + " has no loop B (loopBPin is -1)");
        }
        return loop == Loop.A ? loopA : loopB;
    }

    private static final class LoopState {
        boolean occupied;
        long since;
        boolean stuck;

        /** @return whether the loop became stuck by {@code nowMicros} (true only once per fault) */
        boolean stuckAt(long nowMicros, long maxOccupiedMicros) {
            if (occupied && !stuck && nowMicros - since > maxOccupiedMicros) {
                stuck = true;
                return true;
            }
            return false;
        }
    }

    /** One vehicle in progress: the edges seen so far, {@link #UNSET} where not yet. */
    private static final class Passage {
        boolean reverse;
        long aOn = UNSET;
        long aOff = UNSET;
        long bOn = UNSET;
        long bOff = UNSET;

        Passage(boolean reverse) {
            this.reverse = reverse;
        }
    }
}
