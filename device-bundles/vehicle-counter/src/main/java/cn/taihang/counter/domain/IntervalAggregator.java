package cn.taihang.counter.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Sums a lane's vehicles and loop A occupancy per interval. Interval {@code i} covers
 * {@code [i × length, (i + 1) × length)} µs since the epoch and closes once the clock reaches its
 * end plus the grace period.
 *
 * <p>A vehicle belongs to the interval of its {@link DetectedVehicle#timeMicros()}. One completed
 * after its interval closed is counted in the oldest open interval and flagged late there. A vehicle
 * timestamped more than one interval ahead of the clock (a clock disagreement) is counted in the
 * interval after the clock's. Occupancy is split across the intervals it spans; the part falling in
 * an already closed interval was accounted for when that interval closed.
 *
 * <p>Clock steps: a clock moving back by more than one interval, or forward by more than an hour in
 * one call, closes every open interval as partial and starts afresh at the new time (also partial),
 * instead of reporting an hour of invented empty intervals.
 */
final class IntervalAggregator {

    private static final long NONE = Long.MIN_VALUE;
    private static final long HOUR_MICROS = 3_600_000_000L;

    private final Duration length;
    private final long intervalMicros;
    private final long graceMicros;
    private final boolean dual;
    private final long maxCatchUpIntervals;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private long oldestOpen;
    private long observableFrom;
    private long lastNow;
    private long occupiedSince = NONE;
    private long faultSince = NONE;

    IntervalAggregator(LaneConfig config, long startMicros) {
        this.length = config.interval();
        this.intervalMicros = config.intervalMicros();
        this.graceMicros = config.graceMicros();
        this.dual = config.dualLoop();
        this.maxCatchUpIntervals = HOUR_MICROS / intervalMicros;
        restart(startMicros);
    }

    void add(DetectedVehicle vehicle) {
        long index = index(vehicle.timeMicros());
        Bucket bucket = bucket(clamp(index));
        bucket.count++;
        if (index < oldestOpen) {
            bucket.late++;
        }
        switch (vehicle.detection()) {
            case CLASSIFIED -> {
                bucket.classCounts[vehicle.lengthClass().orElseThrow().ordinal()]++;
                bucket.speedSum += vehicle.speedMps().orElseThrow();
                bucket.speedCount++;
            }
            case WRONG_WAY -> bucket.wrongWay++;
            case COUNT_ONLY -> { }
            default -> bucket.unclassified++;
        }
    }

    /** @param occupied loop A's debounced level from {@code timestampMicros} on */
    void loopA(boolean occupied, long timestampMicros) {
        if (occupied) {
            if (occupiedSince == NONE) {
                occupiedSince = timestampMicros;
            }
        } else if (occupiedSince != NONE) {
            addOccupancy(occupiedSince, timestampMicros);
            occupiedSince = NONE;
        }
    }

    /** @param active whether a loop is stuck from {@code timestampMicros} on */
    void fault(boolean active, long timestampMicros) {
        if (active && faultSince == NONE) {
            faultSince = timestampMicros;
        } else if (!active && faultSince != NONE) {
            for (long i = clamp(index(faultSince)); i <= clamp(index(timestampMicros)); i++) {
                bucket(i).fault = true;
            }
            faultSince = NONE;
        }
    }

    List<IntervalReport> advanceTo(long nowMicros) {
        List<IntervalReport> closed = new ArrayList<>();
        boolean stepBack = lastNow - nowMicros > intervalMicros;
        boolean stepForward = index(nowMicros) - oldestOpen > maxCatchUpIntervals;
        if (stepBack || stepForward) {
            closeAll(lastNow, closed);
            restart(nowMicros);
            return closed;
        }
        if (nowMicros < lastNow) {
            return closed;
        }
        lastNow = nowMicros;
        while (endOf(oldestOpen) + graceMicros <= nowMicros) {
            closed.add(close(oldestOpen, endOf(oldestOpen)));
            oldestOpen++;
        }
        return closed;
    }

    /**
     * Closes every interval up to {@code nowMicros}, the last one as partial; counting may go on in a
     * fresh partial interval.
     */
    List<IntervalReport> flush(long nowMicros) {
        List<IntervalReport> closed = advanceTo(nowMicros);
        closeAll(lastNow, closed);
        restart(lastNow);
        return closed;
    }

    int currentCount() {
        Bucket bucket = buckets.get(index(lastNow));
        return bucket == null ? 0 : bucket.count;
    }

    long currentStartMicros() {
        return index(lastNow) * intervalMicros;
    }

    private void closeAll(long untilMicros, List<IntervalReport> closed) {
        long last = Math.max(oldestOpen, index(untilMicros - 1));
        for (Map.Entry<Long, Bucket> later : new ArrayList<>(buckets.tailMap(last, false).entrySet())) {
            bucket(last).mergeFrom(later.getValue());
            buckets.remove(later.getKey());
        }
        for (long i = oldestOpen; i <= last; i++) {
            closed.add(close(i, Math.min(endOf(i), Math.max(untilMicros, startOf(i)))));
        }
        oldestOpen = last + 1;
    }

    private IntervalReport close(long index, long observedTo) {
        Bucket bucket = buckets.remove(index);
        if (bucket == null) {
            bucket = new Bucket();
        }
        long start = startOf(index);
        long observedFrom = Math.max(start, observableFrom);
        if (occupiedSince != NONE) {
            bucket.occupiedMicros += Math.max(0, observedTo - Math.max(occupiedSince, observedFrom));
        }
        boolean fault = bucket.fault || faultSince != NONE && faultSince < observedTo;
        long observed = observedTo - observedFrom;
        double occupancy = observed > 0 ? Math.min(100.0, 100.0 * bucket.occupiedMicros / observed) : 0.0;
        Map<LengthClass, Integer> classes = new EnumMap<>(LengthClass.class);
        if (dual) {
            for (LengthClass c : LengthClass.values()) {
                classes.put(c, bucket.classCounts[c.ordinal()]);
            }
        }
        OptionalDouble meanSpeed = bucket.speedCount > 0
                ? OptionalDouble.of(bucket.speedSum / bucket.speedCount) : OptionalDouble.empty();
        boolean partial = observedFrom > start || observedTo < endOf(index);
        return new IntervalReport(start, length, dual, bucket.count, classes, bucket.unclassified, bucket.wrongWay,
                meanSpeed, occupancy, partial, bucket.late, fault);
    }

    private void addOccupancy(long fromMicros, long toMicros) {
        long from = Math.max(fromMicros, Math.max(observableFrom, startOf(oldestOpen)));
        long to = Math.min(toMicros, endOf(index(lastNow) + 1));
        for (long i = index(from); from < to; i++) {
            long end = Math.min(to, endOf(i));
            bucket(i).occupiedMicros += end - from;
            from = end;
        }
    }

    private void restart(long atMicros) {
        oldestOpen = index(atMicros);
        observableFrom = atMicros;
        lastNow = atMicros;
        if (occupiedSince != NONE) {
            occupiedSince = atMicros;
        }
        if (faultSince != NONE) {
            faultSince = atMicros;
        }
    }

    /** @return the index limited to the open intervals up to one ahead of the clock's */
    private long clamp(long index) {
        return Math.min(Math.max(index, oldestOpen), index(lastNow) + 1);
    }

    private Bucket bucket(long index) {
        return buckets.computeIfAbsent(index, i -> new Bucket());
    }

    private long index(long micros) {
        return Math.floorDiv(micros, intervalMicros);
    }

    private long startOf(long index) {
        return index * intervalMicros;
    }

    private long endOf(long index) {
        return (index + 1) * intervalMicros;
    }

    private static final class Bucket {
        int count;
        final int[] classCounts = new int[LengthClass.values().length];
        int unclassified;
        int wrongWay;
        double speedSum;
        int speedCount;
        long occupiedMicros;
        int late;
        boolean fault;

        void mergeFrom(Bucket other) {
            count += other.count;
            for (int i = 0; i < classCounts.length; i++) {
                classCounts[i] += other.classCounts[i];
            }
            unclassified += other.unclassified;
            wrongWay += other.wrongWay;
            speedSum += other.speedSum;
            speedCount += other.speedCount;
            occupiedMicros += other.occupiedMicros;
            late += other.late;
            fault |= other.fault;
        }
    }
}
