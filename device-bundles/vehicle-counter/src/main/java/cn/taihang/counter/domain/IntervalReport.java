package cn.taihang.counter.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The aggregate of one lane over one closed interval. An interval with no vehicles is reported too,
 * with count 0, so that "no traffic" differs from "no data".
 *
 * <p>On a dual-loop lane {@code count = sum of classCounts + unclassified + wrongWay}. On a
 * single-loop lane only {@code count} and {@code occupancyPercent} carry information;
 * {@code classCounts} is empty.
 *
 * @param startMicros start of the interval, µs since the epoch, a multiple of its length
 * @param length the interval length
 * @param dualLoop whether the lane has two loops (classes, speed and direction are measured)
 * @param count vehicles counted, including late, unclassified and wrong-way ones
 * @param classCounts vehicles per length class: every class on a dual-loop lane, empty otherwise
 * @param unclassified vehicles counted without a class (a loop missed them, or an implausible measurement)
 * @param wrongWay vehicles that passed loop B before loop A
 * @param meanSpeedMps arithmetic mean speed (time-mean speed) of the classified vehicles in m/s;
 *     empty when there were none
 * @param occupancyPercent share of the observed part of the interval during which loop A was
 *     occupied, 0–100
 * @param partial whether only part of the interval was observed: the first interval after start,
 *     the last before a shutdown, or either side of a clock step
 * @param late how many of {@code count} started in an earlier interval that was already closed when
 *     they completed
 * @param fault whether a loop was stuck during the interval, so that its figures are unreliable
 */
public record IntervalReport(
        long startMicros,
        Duration length,
        boolean dualLoop,
        int count,
        Map<LengthClass, Integer> classCounts,
        int unclassified,
        int wrongWay,
        OptionalDouble meanSpeedMps,
        double occupancyPercent,
        boolean partial,
        int late,
        boolean fault) {

    /** Copies the class counts. @throws NullPointerException if an object component is null */
    public IntervalReport {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(meanSpeedMps, "meanSpeedMps");
        EnumMap<LengthClass, Integer> copy = new EnumMap<>(LengthClass.class);
        copy.putAll(classCounts);
        classCounts = Collections.unmodifiableMap(copy);
    }

    /** @return the start of the interval as an instant */
    public Instant start() {
        return Instant.EPOCH.plusNanos(Math.multiplyExact(startMicros, 1000L));
    }

    /**
     * @param lengthClass a class
     * @return the vehicles of that class, 0 on a single-loop lane
     */
    public int count(LengthClass lengthClass) {
        return classCounts.getOrDefault(lengthClass, 0);
    }
}
