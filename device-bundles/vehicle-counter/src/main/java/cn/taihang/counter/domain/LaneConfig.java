package cn.taihang.counter.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The validated settings of one lane. Construction fails with an {@link IllegalArgumentException}
 * whose message names the setting (as the gateway's configuration calls it), the wrong value and
 * what to set instead. Use {@link #builder(String, int)} to start from the defaults.
 *
 * <p>The {@code DEFAULT_*} constants are the single source of the defaults: the gateway's MetaType
 * configuration uses them, and the simulator can use them to compute its ground truth.
 *
 * @param lane the lane's device id, e.g. {@code post-zw-03-l1}: 1–96 letters, digits or {@code _ . / : -}
 * @param loopAPin GPIO of loop A's detector output, {@code >= 0}
 * @param loopBPin GPIO of loop B's detector output, or {@link #NO_LOOP} for a single-loop lane
 * @param loopSpacingMeters leading edge of loop A to leading edge of loop B, metres, {@code > 0}
 *     (not less than the loop length on a dual-loop lane)
 * @param loopLengthMeters length of one loop along the lane, metres, {@code > 0}
 * @param debounce minimum time a level must persist to count, 0–100 ms
 * @param interval aggregation interval, whole seconds dividing an hour
 * @param grace how long after its end an interval stays open for vehicles still passing, shorter
 *     than the interval
 * @param maxOccupied a loop occupied longer than this is a fault (stuck loop), at least 1 s
 * @param missingLoopTimeout how long after one loop frees the other may still detect the same
 *     vehicle, 100 ms – 60 s
 * @param classifier the length classes, never {@code null}
 */
public record LaneConfig(
        String lane,
        int loopAPin,
        int loopBPin,
        double loopSpacingMeters,
        double loopLengthMeters,
        Duration debounce,
        Duration interval,
        Duration grace,
        Duration maxOccupied,
        Duration missingLoopTimeout,
        LengthClassifier classifier) {

    /** {@link #loopBPin()} of a single-loop lane. */
    public static final int NO_LOOP = -1;
    /** Default loop spacing, leading edge to leading edge, metres. */
    public static final double DEFAULT_LOOP_SPACING_METERS = 4.0;
    /** Default loop length along the lane, metres (a common 2 m × 2 m loop). */
    public static final double DEFAULT_LOOP_LENGTH_METERS = 2.0;
    /**
     * Default debounce, ms: detector cards switch cleanly and their relays bounce for under 10 ms,
     * while the shortest real occupancy (a motorcycle at 100 km/h over a 2 m loop) lasts about 150 ms.
     */
    public static final int DEFAULT_DEBOUNCE_MILLIS = 20;
    /** Default aggregation interval, s. */
    public static final int DEFAULT_INTERVAL_SECONDS = 60;
    /** Default grace after an interval's end, s: covers vehicles still on the loops and late delivery. */
    public static final int DEFAULT_GRACE_SECONDS = 5;
    /**
     * Default longest plausible occupancy, s: a vehicle standing on a loop of a free-flowing tourist
     * road for two minutes is rare; a detector stuck on is not. The fault clears when the loop frees.
     */
    public static final int DEFAULT_MAX_OCCUPIED_SECONDS = 120;
    /**
     * Default missing-loop timeout, ms: at walking pace (1.4 m/s) a vehicle covers the 2 m gap between
     * default loops in 1.5 s; waiting twice that tolerates slowing traffic.
     */
    public static final int DEFAULT_MISSING_LOOP_TIMEOUT_MILLIS = 3000;

    /** Shortest loop spacing and loop length, metres. */
    public static final double MIN_LOOP_METERS = 0.1;
    /** Longest grace after an interval's end, s (it must stay shorter than the longest interval, an hour). */
    public static final int MAX_GRACE_SECONDS = 3599;
    /** Shortest and longest plausible occupancy before a loop counts as stuck, s. */
    public static final int MIN_MAX_OCCUPIED_SECONDS = 1;
    /** Longest plausible occupancy before a loop counts as stuck, s (a day). */
    public static final int MAX_MAX_OCCUPIED_SECONDS = 86_400;

    private static final Duration MAX_DEBOUNCE = Duration.ofMillis(100);
    private static final Duration MIN_MISSING_LOOP_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_MISSING_LOOP_TIMEOUT = Duration.ofSeconds(60);
    private static final long SECONDS_PER_HOUR = 3600;

    /** Validates every setting. @throws IllegalArgumentException naming the first bad one */
    public LaneConfig {
        if (lane == null || !lane.matches("[A-Za-z0-9_./:-]{1,96}")) {
            throw new IllegalArgumentException("device id must be 1-96 letters, digits or _ . / : - (e.g. post-zw-03-l1), was '"
                    + lane + "'");
        }
        if (loopAPin < 0) {
            throw new IllegalArgumentException("loopAPin must be the GPIO number (0 or more) that loop A's detector output is wired to, was "
                    + loopAPin);
        }
        if (loopBPin < NO_LOOP) {
            throw new IllegalArgumentException("loopBPin must be the GPIO number of loop B's detector output, or -1 for a single-loop lane, was "
                    + loopBPin);
        }
        if (loopBPin == loopAPin) {
            throw new IllegalArgumentException("loopAPin and loopBPin are both GPIO " + loopAPin
                    + ": wire loop B to its own input and set loopBPin to it, or set loopBPin to -1 for a single-loop lane");
        }
        if (!(loopSpacingMeters >= MIN_LOOP_METERS) || Double.isInfinite(loopSpacingMeters)) {
            throw new IllegalArgumentException("loopSpacingMeters must be at least " + MIN_LOOP_METERS + " (leading edge of loop A to leading edge of loop B, e.g. "
                    + DEFAULT_LOOP_SPACING_METERS + "), was " + loopSpacingMeters);
        }
        if (!(loopLengthMeters >= MIN_LOOP_METERS) || Double.isInfinite(loopLengthMeters)) {
            throw new IllegalArgumentException("loopLengthMeters must be at least " + MIN_LOOP_METERS + " (length of one loop along the lane, e.g. "
                    + DEFAULT_LOOP_LENGTH_METERS + "), was " + loopLengthMeters);
        }
        if (loopBPin != NO_LOOP && loopSpacingMeters < loopLengthMeters) {
            throw new IllegalArgumentException("loopSpacingMeters (" + loopSpacingMeters + ") is less than loopLengthMeters ("
                    + loopLengthMeters + "), so the loops would overlap: measure the spacing from leading edge to leading edge");
        }
        requireRange("debounceMillis", debounce, Duration.ZERO, MAX_DEBOUNCE,
                "longer would swallow short fast vehicles");
        Objects.requireNonNull(interval, "interval");
        long seconds = interval.getSeconds();
        if (interval.getNano() != 0 || !dividesAnHour(seconds)) {
            throw new IllegalArgumentException("intervalSeconds must divide an hour (e.g. 30, 60, 300, 900), was "
                    + interval.toMillis() / 1000.0);
        }
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative() || grace.compareTo(interval) >= 0) {
            throw new IllegalArgumentException("graceSeconds must be 0 or more and shorter than the interval (" + seconds
                    + " s), was " + show(grace, false));
        }
        requireRange("maxOccupiedSeconds", maxOccupied, Duration.ofSeconds(MIN_MAX_OCCUPIED_SECONDS), Duration.ofSeconds(MAX_MAX_OCCUPIED_SECONDS),
                "a loop occupied longer than this is reported as stuck");
        requireRange("missingLoopTimeoutMillis", missingLoopTimeout, MIN_MISSING_LOOP_TIMEOUT, MAX_MISSING_LOOP_TIMEOUT,
                "it is how long the other loop may still see the same vehicle");
        Objects.requireNonNull(classifier, "classifier");
    }

    private static void requireRange(String name, Duration value, Duration min, Duration max, String why) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            boolean millis = name.endsWith("Millis");
            throw new IllegalArgumentException(name + " must be between " + show(min, millis) + " and " + show(max, millis)
                    + " (" + why + "), was " + show(value, millis));
        }
    }

    private static String show(Duration value, boolean millis) {
        double amount = millis ? value.toNanos() / 1e6 : value.toMillis() / 1000.0;
        String number = amount == Math.rint(amount) ? String.valueOf((long) amount) : String.valueOf(amount);
        return number + (millis ? " ms" : " s");
    }

    /**
     * Starts a builder with every other setting at its default.
     *
     * @param lane the lane's device id
     * @param loopAPin GPIO of loop A
     * @return a builder; {@link Builder#build()} validates
     */
    public static Builder builder(String lane, int loopAPin) {
        return new Builder(lane, loopAPin);
    }

    /** @return whether the lane has loop B, i.e. measures speed, length, class and direction */
    public boolean dualLoop() {
        return loopBPin != NO_LOOP;
    }

    /** @return {@link #debounce()} in µs */
    public long debounceMicros() {
        return micros(debounce);
    }

    /** @return {@link #interval()} in µs */
    public long intervalMicros() {
        return micros(interval);
    }

    /** @return {@link #grace()} in µs */
    public long graceMicros() {
        return micros(grace);
    }

    /** @return {@link #maxOccupied()} in µs */
    public long maxOccupiedMicros() {
        return micros(maxOccupied);
    }

    /** @return {@link #missingLoopTimeout()} in µs */
    public long missingLoopTimeoutMicros() {
        return micros(missingLoopTimeout);
    }

    /**
     * @param timestampMicros a time, µs since the epoch
     * @return the start of the interval holding it: the largest multiple of the interval length
     *     since the epoch not after it
     */
    public long intervalStartMicros(long timestampMicros) {
        return Math.floorDiv(timestampMicros, intervalMicros()) * intervalMicros();
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    /** Builds a {@link LaneConfig} from the defaults; not thread-safe. */
    public static final class Builder {
        private final String lane;
        private final int loopAPin;
        private int loopBPin = NO_LOOP;
        private double loopSpacingMeters = DEFAULT_LOOP_SPACING_METERS;
        private double loopLengthMeters = DEFAULT_LOOP_LENGTH_METERS;
        private Duration debounce = Duration.ofMillis(DEFAULT_DEBOUNCE_MILLIS);
        private Duration interval = Duration.ofSeconds(DEFAULT_INTERVAL_SECONDS);
        private Duration grace = Duration.ofSeconds(DEFAULT_GRACE_SECONDS);
        private Duration maxOccupied = Duration.ofSeconds(DEFAULT_MAX_OCCUPIED_SECONDS);
        private Duration missingLoopTimeout = Duration.ofMillis(DEFAULT_MISSING_LOOP_TIMEOUT_MILLIS);
        private LengthClassifier classifier = LengthClassifier.defaults();

        private Builder(String lane, int loopAPin) {
            this.lane = lane;
            this.loopAPin = loopAPin;
        }

        /**
         * @param pin GPIO of loop B, or {@link #NO_LOOP} (the default) for a single-loop lane
         * @return this
         */
        public Builder loopBPin(int pin) {
            this.loopBPin = pin;
            return this;
        }

        /**
         * @param meters leading edge to leading edge
         * @return this
         */
        public Builder loopSpacingMeters(double meters) {
            this.loopSpacingMeters = meters;
            return this;
        }

        /**
         * @param meters length of one loop along the lane
         * @return this
         */
        public Builder loopLengthMeters(double meters) {
            this.loopLengthMeters = meters;
            return this;
        }

        /**
         * @param value the debounce time
         * @return this
         */
        public Builder debounce(Duration value) {
            this.debounce = value;
            return this;
        }

        /**
         * @param value the aggregation interval
         * @return this
         */
        public Builder interval(Duration value) {
            this.interval = value;
            return this;
        }

        /**
         * @param value the grace period after an interval's end
         * @return this
         */
        public Builder grace(Duration value) {
            this.grace = value;
            return this;
        }

        /**
         * @param value longest plausible occupancy of a loop
         * @return this
         */
        public Builder maxOccupied(Duration value) {
            this.maxOccupied = value;
            return this;
        }

        /**
         * @param value how long the other loop may still see the same vehicle
         * @return this
         */
        public Builder missingLoopTimeout(Duration value) {
            this.missingLoopTimeout = value;
            return this;
        }

        /**
         * @param value the length classes
         * @return this
         */
        public Builder classifier(LengthClassifier value) {
            this.classifier = value;
            return this;
        }

        /** @return the validated config @throws IllegalArgumentException naming the first bad setting */
        public LaneConfig build() {
            return new LaneConfig(lane, loopAPin, loopBPin, loopSpacingMeters, loopLengthMeters, debounce, interval,
                    grace, maxOccupied, missingLoopTimeout, classifier);
        }
    }

    /**
     * @param intervalSeconds a counting interval
     * @return whether intervals of that length tile an hour, as every interval must (1 to 3600 s, e.g. 30, 60, 300, 900)
     */
    public static boolean dividesAnHour(long intervalSeconds) {
        return intervalSeconds >= 1 && intervalSeconds <= SECONDS_PER_HOUR && SECONDS_PER_HOUR % intervalSeconds == 0;
    }
}
