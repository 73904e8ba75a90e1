package cn.taihang.counter.internal;

import cn.taihang.counter.domain.LaneConfig;
import cn.taihang.counter.domain.LengthClassifier;
import cn.taihang.hardware.api.Pull;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One lane of an inductive-loop vehicle counter (factory configuration {@code cn.taihang.counter.lane}).
 * The default values here are the only defaults; they are the domain's {@code DEFAULT_*} constants.
 */
@ObjectClassDefinition(
        id = LaneCounterComponent.PID,
        name = "车道车辆计数 / Vehicle counter lane",
        description = "One lane of inductive loops: loop A upstream, optional loop B downstream for speed, length and direction.")
public @interface LaneConfiguration {

    @AttributeDefinition(name = "Device id", description = "Unique id of the lane on this gateway, e.g. post-zw-03-l1. Required.")
    String device();

    @AttributeDefinition(name = "Description", required = false,
            description = "Bilingual place and direction, e.g. 浙水—王莽岭 北向 1 车道 / Zheshui–Wangmangling northbound lane 1")
    String description() default "";

    @AttributeDefinition(name = "Loop A GPIO", min = "0", description = "GPIO (BCM number) of the upstream loop's detector output. Required.")
    int loopAPin();

    @AttributeDefinition(name = "Loop B GPIO", min = "-1",
            description = "GPIO of the downstream loop's detector output; -1 for a single-loop lane (count and occupancy only)")
    int loopBPin() default LaneConfig.NO_LOOP;

    @AttributeDefinition(name = "Active high", description = "true if the detector output is high while a vehicle is over the loop")
    boolean activeHigh() default true;

    @AttributeDefinition(name = "Pull resistor", description = "Internal pull resistor; detector cards drive the line, so NONE")
    Pull pull() default Pull.NONE;

    @AttributeDefinition(name = "Loop spacing (m)", min = "0",
            description = "Leading edge of loop A to leading edge of loop B, metres")
    double loopSpacingMeters() default LaneConfig.DEFAULT_LOOP_SPACING_METERS;

    @AttributeDefinition(name = "Loop length (m)", min = "0", description = "Length of one loop along the lane, metres")
    double loopLengthMeters() default LaneConfig.DEFAULT_LOOP_LENGTH_METERS;

    @AttributeDefinition(name = "Debounce (ms)", min = "0", max = "100",
            description = "A level change counts only if it lasts at least this long")
    int debounceMillis() default LaneConfig.DEFAULT_DEBOUNCE_MILLIS;

    @AttributeDefinition(name = "Interval (s)", min = "1", max = "3600",
            description = "Aggregation interval; must divide an hour (30, 60, 300, 900 …)")
    int intervalSeconds() default LaneConfig.DEFAULT_INTERVAL_SECONDS;

    @AttributeDefinition(name = "Grace (s)", min = "0",
            description = "How long after its end an interval waits for vehicles still passing")
    int graceSeconds() default LaneConfig.DEFAULT_GRACE_SECONDS;

    @AttributeDefinition(name = "Stuck loop after (s)", min = "1",
            description = "A loop occupied longer than this is reported as a fault until it frees")
    int maxOccupiedSeconds() default LaneConfig.DEFAULT_MAX_OCCUPIED_SECONDS;

    @AttributeDefinition(name = "Missing loop timeout (ms)", min = "100", max = "60000",
            description = "How long after one loop frees the other may still see the same vehicle")
    int missingLoopTimeoutMillis() default LaneConfig.DEFAULT_MISSING_LOOP_TIMEOUT_MILLIS;

    @AttributeDefinition(name = "Class boundaries (m)",
            description = "Upper lengths of motorcycle, short, medium and long; longer is very long")
    double[] classBoundariesMeters() default {
        LengthClassifier.DEFAULT_MOTORCYCLE_BELOW_METERS,
        LengthClassifier.DEFAULT_SHORT_BELOW_METERS,
        LengthClassifier.DEFAULT_MEDIUM_BELOW_METERS,
        LengthClassifier.DEFAULT_LONG_BELOW_METERS
    };
}
