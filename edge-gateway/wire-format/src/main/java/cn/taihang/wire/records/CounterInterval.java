package cn.taihang.wire.records;

import java.util.List;

/**
 * {@value RecordKinds#COUNTER_INTERVAL}: one lane's vehicles over one closed interval, NORMAL. Device: the lane;
 * record time: the start of the interval. An interval without vehicles is reported too, with count 0. On a
 * dual-loop lane {@code count = sum of the class counts + unclassified + wrong-way}; a single-loop lane sends only
 * {@link #INTERVAL}, {@link #COUNT} and {@link #OCCUPANCY} (and the flags).
 *
 * <p>Produced by the vehicle-counter bundle for every lane every interval (the simulator's hub workload sends the
 * same shape). Consumed by the bridge's telemetry API, dispatch (hourly vehicle flow per place: {@link #COUNT}),
 * signs (car park in/out: {@link #COUNT}) and the simulator's comparison with its ground truth ({@link #COUNT},
 * {@link #COUNT_BY_CLASS}).
 */
public final class CounterInterval {

    /** Length of the interval, s. */
    public static final Metric<Double> INTERVAL = Metric.number("interval", Units.SECOND);
    /** Vehicles counted, including late, unclassified and wrong-way ones. */
    public static final Metric<Double> COUNT = Metric.number("count", Units.COUNT);
    /** The length classes of {@link #COUNT_BY_CLASS}, shortest first (the vehicle counter's classes). */
    public static final List<String> LENGTH_CLASSES = List.of("motorcycle", "short", "medium", "long", "very-long");
    /** Dual-loop lanes: vehicles of one length class, {@code count/<class>} for every class of {@link #LENGTH_CLASSES}. */
    public static final MetricFamily<Double> COUNT_BY_CLASS = MetricFamily.numbers("count/", String.join("|", LENGTH_CLASSES), "", Units.COUNT);
    /** Dual-loop lanes: vehicles counted without a class (a loop missed them, or an implausible measurement). */
    public static final Metric<Double> UNCLASSIFIED = Metric.number("count/unclassified", Units.COUNT);
    /** Dual-loop lanes: vehicles that passed loop B before loop A. */
    public static final Metric<Double> WRONG_WAY = Metric.number("count/wrong-way", Units.COUNT);
    /** Dual-loop lanes with classified vehicles: their time-mean speed, m/s, to 0.01. */
    public static final Metric<Double> MEAN_SPEED = Metric.number("speed/mean", Units.METRE_PER_SECOND);
    /** Share of the observed interval during which loop A was occupied, %, to 0.01. */
    public static final Metric<Double> OCCUPANCY = Metric.number("occupancy", Units.PERCENT);
    /** Only when true: only part of the interval was observed (first after start, last before a shutdown, a clock step). */
    public static final Metric<Boolean> PARTIAL = Metric.flag("partial");
    /** Only when above 0: how many of {@link #COUNT} started in an earlier, already closed interval. */
    public static final Metric<Double> LATE = Metric.number("late", Units.COUNT);
    /** Only when true: a loop was stuck during the interval, the figures are unreliable. */
    public static final Metric<Boolean> FAULT = Metric.flag("fault");

    /** The kind. */
    public static final RecordKind KIND = RecordKind.of(RecordKinds.COUNTER_INTERVAL, RecordKind.NORMAL,
            List.of(INTERVAL, COUNT, UNCLASSIFIED, WRONG_WAY, MEAN_SPEED, OCCUPANCY, PARTIAL, LATE, FAULT), List.of(COUNT_BY_CLASS));

    private CounterInterval() {
    }
}
