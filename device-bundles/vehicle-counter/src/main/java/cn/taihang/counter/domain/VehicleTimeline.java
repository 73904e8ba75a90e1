package cn.taihang.counter.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the raw detector edges that vehicles produce on a lane's loops, from physics: for tests and
 * for the simulator's virtual loops.
 *
 * <p>A vehicle of length {@code L} at constant speed {@code v}, on loops of length {@code Lloop}
 * whose leading edges are {@code d} apart, whose front reaches loop A at {@code t0}, occupies
 * <pre>
 *   loop A from t0             to t0 + (L + Lloop) / v
 *   loop B from t0 + d / v     to t0 + (d + L + Lloop) / v
 * </pre>
 * (a loop detects a vehicle from the moment its front enters until its rear leaves). A wrong-way
 * vehicle is the mirror image, starting at loop B. Times are rounded to the nearest microsecond, so
 * a {@link LaneCounter} measures the speed and length back to within about 10⁻⁴ relative error;
 * keep simulated lengths away from class boundaries by more than that.
 *
 * <p>Occupancies of one loop that overlap or touch merge into one, as a real detector reports two
 * vehicles bumper to bumper. {@link #glitch} inverts a loop's level for a short time, on top of
 * everything else. Not thread-safe; {@link #edges()} may be called any number of times.
 */
public final class VehicleTimeline {

    private static final long FOREVER = Long.MAX_VALUE;

    private final double loopLengthMeters;
    private final double loopSpacingMeters;
    private final boolean dualLoop;
    private final Map<Loop, List<long[]>> occupancies = new EnumMap<>(Loop.class);
    private final Map<Loop, List<long[]>> glitches = new EnumMap<>(Loop.class);

    /**
     * @param loopLengthMeters length of one loop along the lane, {@code > 0}
     * @param loopSpacingMeters leading edge to leading edge, {@code > 0}
     * @param dualLoop whether loop B exists; on a single-loop lane only loop A edges are produced
     * @throws IllegalArgumentException on a non-positive length or spacing
     */
    public VehicleTimeline(double loopLengthMeters, double loopSpacingMeters, boolean dualLoop) {
        if (!(loopLengthMeters > 0) || !(loopSpacingMeters > 0)) {
            throw new IllegalArgumentException("loop length and spacing must be positive, were " + loopLengthMeters
                    + " and " + loopSpacingMeters);
        }
        this.loopLengthMeters = loopLengthMeters;
        this.loopSpacingMeters = loopSpacingMeters;
        this.dualLoop = dualLoop;
        for (Loop loop : Loop.values()) {
            occupancies.put(loop, new ArrayList<>());
            glitches.put(loop, new ArrayList<>());
        }
    }

    /**
     * @param config a lane
     * @return an empty timeline with that lane's loop geometry
     */
    public static VehicleTimeline forLane(LaneConfig config) {
        return new VehicleTimeline(config.loopLengthMeters(), config.loopSpacingMeters(), config.dualLoop());
    }

    /**
     * Adds a vehicle driving in the lane's direction.
     *
     * @param frontAtLoopAMicros when its front reaches loop A, µs since the epoch
     * @param lengthMeters its length, {@code > 0}
     * @param speedMps its constant speed, {@code > 0}
     * @return this
     */
    public VehicleTimeline pass(long frontAtLoopAMicros, double lengthMeters, double speedMps) {
        addVehicle(Loop.A, Loop.B, frontAtLoopAMicros, lengthMeters, speedMps);
        return this;
    }

    /**
     * Adds a vehicle driving against the lane's direction (dual-loop lanes only).
     *
     * @param frontAtLoopBMicros when its front reaches loop B, µs since the epoch
     * @param lengthMeters its length, {@code > 0}
     * @param speedMps its constant speed, {@code > 0}
     * @return this
     * @throws IllegalStateException on a single-loop timeline
     */
    public VehicleTimeline wrongWay(long frontAtLoopBMicros, double lengthMeters, double speedMps) {
        requireLoop(Loop.B);
        addVehicle(Loop.B, Loop.A, frontAtLoopBMicros, lengthMeters, speedMps);
        return this;
    }

    /**
     * Adds an occupancy of one loop alone, e.g. a vehicle changing lane between the loops.
     *
     * @param loop the loop
     * @param onMicros when it starts
     * @param offMicros when it ends, after {@code onMicros}
     * @return this
     */
    public VehicleTimeline occupy(Loop loop, long onMicros, long offMicros) {
        requireLoop(loop);
        if (offMicros <= onMicros) {
            throw new IllegalArgumentException("an occupancy must end after it starts: " + onMicros + " to " + offMicros);
        }
        occupancies.get(loop).add(new long[] {onMicros, offMicros});
        return this;
    }

    /**
     * Makes a loop occupied from {@code onMicros} on, for good: a stuck detector.
     *
     * @param loop the loop
     * @param onMicros when it sticks
     * @return this
     */
    public VehicleTimeline stuckFrom(Loop loop, long onMicros) {
        requireLoop(loop);
        occupancies.get(loop).add(new long[] {onMicros, FOREVER});
        return this;
    }

    /**
     * Inverts a loop's level from {@code atMicros} for {@code widthMicros}: a spike while free, a
     * drop-out while occupied.
     *
     * @param loop the loop
     * @param atMicros when the glitch starts
     * @param widthMicros how long it lasts, {@code > 0}; a real glitch is shorter than the debounce
     * @return this
     */
    public VehicleTimeline glitch(Loop loop, long atMicros, long widthMicros) {
        requireLoop(loop);
        if (widthMicros <= 0) {
            throw new IllegalArgumentException("a glitch must last at least 1 µs, was " + widthMicros);
        }
        glitches.get(loop).add(new long[] {atMicros, atMicros + widthMicros});
        return this;
    }

    /** @return every raw edge of both loops, in timestamp order (loop A first on a tie) */
    public List<LoopEdge> edges() {
        List<LoopEdge> all = new ArrayList<>(edges(Loop.A));
        if (dualLoop) {
            all.addAll(edges(Loop.B));
        }
        all.sort(Comparator.comparingLong(LoopEdge::timestampMicros).thenComparing(LoopEdge::loop));
        return all;
    }

    /**
     * @param loop the loop
     * @return the raw edges of that loop, in timestamp order, alternating occupied and free
     */
    public List<LoopEdge> edges(Loop loop) {
        requireLoop(loop);
        List<long[]> toggles = new ArrayList<>();
        for (long[] span : merged(occupancies.get(loop))) {
            toggles.add(new long[] {span[0]});
            if (span[1] != FOREVER) {
                toggles.add(new long[] {span[1]});
            }
        }
        for (long[] glitch : glitches.get(loop)) {
            toggles.add(new long[] {glitch[0]});
            toggles.add(new long[] {glitch[1]});
        }
        toggles.sort(Comparator.comparingLong(toggle -> toggle[0]));
        List<LoopEdge> edges = new ArrayList<>();
        boolean occupied = false;
        int i = 0;
        while (i < toggles.size()) {
            long at = toggles.get(i)[0];
            int flips = 0;
            for (; i < toggles.size() && toggles.get(i)[0] == at; i++) {
                flips++;
            }
            if (flips % 2 == 1) {
                occupied = !occupied;
                edges.add(new LoopEdge(loop, occupied, at));
            }
        }
        return edges;
    }

    /**
     * @param lengthMeters a vehicle's length
     * @param speedMps its speed
     * @return how long it occupies one loop, µs, rounded as the edges are
     */
    public long occupancyMicros(double lengthMeters, double speedMps) {
        return micros((lengthMeters + loopLengthMeters) / speedMps);
    }

    private void addVehicle(Loop first, Loop second, long frontAtFirst, double lengthMeters, double speedMps) {
        if (!(lengthMeters > 0) || !(speedMps > 0) || Double.isInfinite(lengthMeters) || Double.isInfinite(speedMps)) {
            throw new IllegalArgumentException("vehicle length and speed must be positive, were " + lengthMeters
                    + " m and " + speedMps + " m/s");
        }
        double occupied = (lengthMeters + loopLengthMeters) / speedMps;
        occupancies.get(first).add(new long[] {frontAtFirst, frontAtFirst + micros(occupied)});
        if (dualLoop) {
            double reach = loopSpacingMeters / speedMps;
            occupancies.get(second).add(new long[] {frontAtFirst + micros(reach), frontAtFirst + micros(reach + occupied)});
        }
    }

    private static List<long[]> merged(List<long[]> spans) {
        List<long[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(span -> span[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] span : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span[0] <= last[1]) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                merged.add(span.clone());
            }
        }
        return merged;
    }

    private void requireLoop(Loop loop) {
        Objects.requireNonNull(loop, "loop");
        if (loop == Loop.B && !dualLoop) {
            throw new IllegalStateException("this timeline is for a single-loop lane: it has no loop B");
        }
    }

    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }
}
