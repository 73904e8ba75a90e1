package cn.taihang.counter.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Counts the vehicles of one lane from its raw loop edges and aggregates them per interval. See the
 * package description for the pipeline.
 *
 * <p>Feed raw edges with {@link #onEdge} as they arrive (per loop in timestamp order; the two loops
 * may interleave slightly out of order) and call {@link #advanceTo} regularly, at least a few times
 * per interval, with the present time; it returns the intervals it closed. Edges confirmed by the
 * debounce are handed on in timestamp order across both loops, holding an edge back while the other
 * loop still has an earlier one pending.
 *
 * <p>Intervals: a vehicle belongs to the interval of its loop-A leading edge (loop B's if loop A
 * missed it). An interval closes when {@code advanceTo} reaches its end plus the grace period; a
 * vehicle still in progress then is counted in its own interval only if it completes before that.
 * One completing later is counted in the oldest interval still open and reported there as
 * {@link IntervalReport#late()}, so no vehicle is lost or counted twice. Occupancy is split at
 * interval boundaries. Every interval is reported, also without vehicles; the first one after start
 * is partial unless the start falls on its boundary. A clock stepping back by more than one
 * interval, or forward by more than an hour in one call, closes what is open as partial and starts
 * afresh. A stuck loop flags the intervals it affects as {@link IntervalReport#fault()}.
 *
 * <p>Not thread-safe: use from one thread.
 */
public final class LaneCounter {

    private final LaneConfig config;
    private final EdgeDebouncer debounceA;
    private final EdgeDebouncer debounceB;
    private final VehicleDetector detector;
    private final IntervalAggregator aggregator;
    private final Consumer<DetectedVehicle> observer;
    private final PriorityQueue<Sequenced> confirmed = new PriorityQueue<>();
    private long sequence;
    private boolean faulted;

    /**
     * @param config the lane
     * @param startMicros when counting starts, µs since the epoch; the interval holding it is partial
     *     unless this is its exact start
     */
    public LaneCounter(LaneConfig config, long startMicros) {
        this(config, startMicros, vehicle -> { });
    }

    /**
     * @param config the lane
     * @param startMicros when counting starts, µs since the epoch
     * @param observer told of every vehicle as it is counted (e.g. for logs or ground-truth
     *     comparison), on the caller's thread; must not call back into this counter
     */
    public LaneCounter(LaneConfig config, long startMicros, Consumer<DetectedVehicle> observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.debounceA = new EdgeDebouncer(Loop.A, config.debounceMicros());
        this.debounceB = new EdgeDebouncer(Loop.B, config.debounceMicros());
        this.aggregator = new IntervalAggregator(config, startMicros);
        this.detector = new VehicleDetector(config, this::counted);
    }

    /** @return the lane's settings */
    public LaneConfig config() {
        return config;
    }

    /**
     * Takes one raw edge of a loop.
     *
     * @param loop the loop; {@link Loop#B} only on a dual-loop lane
     * @param occupied the level after the edge: {@code true} when the detector reports a vehicle
     * @param timestampMicros the source timestamp, µs since the epoch
     * @throws IllegalArgumentException for loop B on a single-loop lane
     */
    public void onEdge(Loop loop, boolean occupied, long timestampMicros) {
        debouncer(loop).onRaw(occupied, timestampMicros).ifPresent(this::hold);
        release();
    }

    /**
     * Same as {@link #onEdge(Loop, boolean, long)}.
     *
     * @param edge a raw edge, e.g. one from a {@link VehicleTimeline}
     */
    public void onEdge(LoopEdge edge) {
        onEdge(edge.loop(), edge.occupied(), edge.timestampMicros());
    }

    /**
     * Tells the counter a loop's level as read directly, e.g. right after its input was opened, so
     * that a loop already occupied (or stuck) at start is known. Ignored once an edge of that loop
     * has been seen. A vehicle already on the loop is not counted.
     *
     * @param loop the loop
     * @param occupied its level
     * @param atMicros when it was read
     */
    public void observeInitialLevel(Loop loop, boolean occupied, long atMicros) {
        if (debouncer(loop).assumeLevel(occupied, atMicros)) {
            detector.assumeLevel(loop, occupied, atMicros);
            if (loop == Loop.A) {
                aggregator.loopA(occupied, atMicros);
            }
        }
    }

    /**
     * Moves time on: confirms pending edges whose debounce window passed, applies the missing-loop
     * and stuck-loop timeouts, and closes every interval whose end plus grace is not after
     * {@code nowMicros}.
     *
     * @param nowMicros the present time, µs since the epoch
     * @return the intervals closed, oldest first; empty intervals included; often empty
     */
    public List<IntervalReport> advanceTo(long nowMicros) {
        debounceA.advanceTo(nowMicros).ifPresent(this::hold);
        debounceB.advanceTo(nowMicros).ifPresent(this::hold);
        release();
        detector.advanceTo(Math.min(nowMicros, Math.min(debounceA.pendingSinceMicros(), debounceB.pendingSinceMicros())));
        noteFault(nowMicros);
        return aggregator.advanceTo(nowMicros);
    }

    /**
     * Closes every open interval now, the one in progress as partial, e.g. before shutting down so
     * that its vehicles are not lost. Vehicles still on the loops are not counted. Counting may go on
     * afterwards in a new partial interval.
     *
     * @param nowMicros the present time
     * @return the intervals closed, oldest first
     */
    public List<IntervalReport> flush(long nowMicros) {
        List<IntervalReport> closed = new ArrayList<>(advanceTo(nowMicros));
        closed.addAll(aggregator.flush(nowMicros));
        return closed;
    }

    /** @return a snapshot of the loops and the interval in progress */
    public LaneStatus status() {
        Optional<LoopStatus> loopB = config.dualLoop()
                ? Optional.of(detector.status(Loop.B, debounceB.glitches())) : Optional.empty();
        return new LaneStatus(detector.status(Loop.A, debounceA.glitches()), loopB, aggregator.currentStartMicros(),
                aggregator.currentCount());
    }

    private void counted(DetectedVehicle vehicle) {
        aggregator.add(vehicle);
        observer.accept(vehicle);
    }

    private void hold(LoopEdge edge) {
        confirmed.add(new Sequenced(edge, sequence++));
    }

    private void release() {
        long watermark = Math.min(debounceA.pendingSinceMicros(), debounceB.pendingSinceMicros());
        while (!confirmed.isEmpty() && confirmed.peek().edge.timestampMicros() < watermark) {
            LoopEdge edge = confirmed.poll().edge;
            detector.onTransition(edge);
            if (edge.loop() == Loop.A) {
                aggregator.loopA(edge.occupied(), edge.timestampMicros());
            }
            noteFault(edge.timestampMicros());
        }
    }

    private void noteFault(long atMicros) {
        if (detector.faulted() != faulted) {
            faulted = !faulted;
            aggregator.fault(faulted, faulted ? detector.faultSinceMicros() : atMicros);
        }
    }

    private EdgeDebouncer debouncer(Loop loop) {
        Objects.requireNonNull(loop, "loop");
        if (loop == Loop.B && !config.dualLoop()) {
            throw new IllegalArgumentException("lane " + config.lane() + " has no loop B (loopBPin is -1)");
        }
        return loop == Loop.A ? debounceA : debounceB;
    }

    private record Sequenced(LoopEdge edge, long sequence) implements Comparable<Sequenced> {
        @Override
        public int compareTo(Sequenced other) {
            int byTime = Long.compare(edge.timestampMicros(), other.edge.timestampMicros());
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
