package cn.taihang.counter.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Maps a measured vehicle length to a {@link LengthClass} using four ascending boundaries: a length
 * below the first is a motorcycle, below the second short, below the third medium, below the fourth
 * long, anything else very long. A length exactly on a boundary belongs to the longer class.
 *
 * <p>The defaults (2.5, 5.6, 9 and 13 m) follow the vehicles on Jincheng's tourist roads and the
 * Chinese size limits (GB 1589-2016) and coach classes (JT/T 325):
 * <ul>
 *   <li><b>2.5 m</b>: two-wheelers are 1.8–2.3 m long; the shortest cars (micro EVs) are 2.7–3 m;</li>
 *   <li><b>5.6 m</b>: cars, SUVs and pick-ups end at about 5.4 m; light buses and light trucks
 *       start near 6 m;</li>
 *   <li><b>9 m</b>: the split between medium (6–9 m) and large (over 9 m) coaches, so minibuses and
 *       light trucks are medium and tour coaches long;</li>
 *   <li><b>13 m</b>: two-axle buses and rigid trucks are limited to 12 m; 1 m of margin keeps them
 *       long despite measurement error, while semitrailers (up to 17.1 m), truck-trailers (20 m)
 *       and articulated buses (18 m) are very long. Three-axle coaches (up to 13.7 m) may land on
 *       either side.</li>
 * </ul>
 * Loops measure the <em>magnetic</em> length, usually a little shorter than the body of high-floor
 * vehicles; the margins above absorb that. Immutable.
 */
public final class LengthClassifier {

    /** Default upper bound of {@link LengthClass#MOTORCYCLE}, metres. */
    public static final double DEFAULT_MOTORCYCLE_BELOW_METERS = 2.5;
    /** Shortest boundary between two length classes, metres. */
    public static final double MIN_BOUNDARY_METERS = 0.1;
    /** Default upper bound of {@link LengthClass#SHORT}, metres. */
    public static final double DEFAULT_SHORT_BELOW_METERS = 5.6;
    /** Default upper bound of {@link LengthClass#MEDIUM}, metres. */
    public static final double DEFAULT_MEDIUM_BELOW_METERS = 9.0;
    /** Default upper bound of {@link LengthClass#LONG}, metres; longer is {@link LengthClass#VERY_LONG}. */
    public static final double DEFAULT_LONG_BELOW_METERS = 13.0;

    private static final int BOUNDARIES = LengthClass.values().length - 1;

    private final double[] boundaries;

    private LengthClassifier(double[] boundaries) {
        this.boundaries = boundaries;
    }

    /** @return the classifier with the default boundaries 2.5, 5.6, 9 and 13 m */
    public static LengthClassifier defaults() {
        return of(DEFAULT_MOTORCYCLE_BELOW_METERS, DEFAULT_SHORT_BELOW_METERS, DEFAULT_MEDIUM_BELOW_METERS,
                DEFAULT_LONG_BELOW_METERS);
    }

    /**
     * @param boundariesMeters the four upper bounds of motorcycle, short, medium and long, in metres
     * @return a classifier with these boundaries
     * @throws IllegalArgumentException unless there are exactly four finite, positive, strictly
     *     ascending values; the message says what is expected
     */
    public static LengthClassifier of(double... boundariesMeters) {
        if (boundariesMeters == null || boundariesMeters.length != BOUNDARIES) {
            throw invalid(boundariesMeters, "needs exactly " + BOUNDARIES + " values");
        }
        double previous = 0;
        for (double boundary : boundariesMeters) {
            if (!Double.isFinite(boundary) || boundary < MIN_BOUNDARY_METERS || boundary <= previous) {
                throw invalid(boundariesMeters, "must be at least " + MIN_BOUNDARY_METERS + " and strictly ascending");
            }
            previous = boundary;
        }
        return new LengthClassifier(boundariesMeters.clone());
    }

    private static IllegalArgumentException invalid(double[] values, String problem) {
        String given = values == null ? "nothing" : Arrays.stream(values).mapToObj(LengthClassifier::format)
                .collect(Collectors.joining(","));
        return new IllegalArgumentException("classBoundariesMeters " + problem
                + ": give the upper bounds of motorcycle, short, medium and long in metres, e.g. 2.5,5.6,9,13; was "
                + given);
    }

    /**
     * @param lengthMeters a measured length in metres
     * @return its class; {@link LengthClass#MOTORCYCLE} for anything below the first boundary
     * @throws IllegalArgumentException for a length that is not a finite number
     */
    public LengthClass classify(double lengthMeters) {
        if (!Double.isFinite(lengthMeters)) {
            throw new IllegalArgumentException("vehicle length must be a finite number, was " + lengthMeters);
        }
        LengthClass[] classes = LengthClass.values();
        for (int i = 0; i < boundaries.length; i++) {
            if (lengthMeters < boundaries[i]) {
                return classes[i];
            }
        }
        return LengthClass.VERY_LONG;
    }

    /** @return a copy of the four boundaries, metres, ascending */
    public double[] boundariesMeters() {
        return boundaries.clone();
    }

    /**
     * @param lengthClass a class
     * @return the shortest length of that class in metres, 0 for {@link LengthClass#MOTORCYCLE}
     */
    public double lowerBoundMeters(LengthClass lengthClass) {
        if (lengthClass == LengthClass.MOTORCYCLE) {
            return 0;
        }
        return boundaries[lengthClass.ordinal() - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LengthClassifier that && Arrays.equals(boundaries, that.boundaries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(boundaries);
    }

    @Override
    public String toString() {
        return "LengthClassifier" + Arrays.toString(boundaries);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
