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
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", 
        id = LaneCounterComponent.PID,
        name = "%lane.name",
        description = "%lane.description")
public @interface LaneConfiguration {

    @AttributeDefinition(name = "%lane.device.name", description = "%lane.device.description")
    String device();

    @AttributeDefinition(name = "%lane.description.name", required = false,
            description = "%lane.description.description")
    String description() default "";

    @AttributeDefinition(name = "%lane.loopAPin.name", min = "0", description = "%lane.loopAPin.description")
    int loopAPin();

    @AttributeDefinition(name = "%lane.loopBPin.name", min = "-1",
            description = "%lane.loopBPin.description")
    int loopBPin() default LaneConfig.NO_LOOP;

    @AttributeDefinition(name = "%lane.activeHigh.name", description = "%lane.activeHigh.description")
    boolean activeHigh() default true;

    @AttributeDefinition(name = "%lane.pull.name", description = "%lane.pull.description")
    Pull pull() default Pull.NONE;

    @AttributeDefinition(name = "%lane.loopSpacingMeters.name", min = "" + LaneConfig.MIN_LOOP_METERS,
            description = "%lane.loopSpacingMeters.description")
    double loopSpacingMeters() default LaneConfig.DEFAULT_LOOP_SPACING_METERS;

    @AttributeDefinition(name = "%lane.loopLengthMeters.name", min = "" + LaneConfig.MIN_LOOP_METERS, description = "%lane.loopLengthMeters.description")
    double loopLengthMeters() default LaneConfig.DEFAULT_LOOP_LENGTH_METERS;

    @AttributeDefinition(name = "%lane.debounceMillis.name", min = "0", max = "100",
            description = "%lane.debounceMillis.description")
    int debounceMillis() default LaneConfig.DEFAULT_DEBOUNCE_MILLIS;

    @AttributeDefinition(name = "%lane.intervalSeconds.name", min = "1", max = "3600",
            description = "%lane.intervalSeconds.description")
    int intervalSeconds() default LaneConfig.DEFAULT_INTERVAL_SECONDS;

    @AttributeDefinition(name = "%lane.graceSeconds.name", min = "0", max = "" + LaneConfig.MAX_GRACE_SECONDS,
            description = "%lane.graceSeconds.description")
    int graceSeconds() default LaneConfig.DEFAULT_GRACE_SECONDS;

    @AttributeDefinition(name = "%lane.maxOccupiedSeconds.name", min = "" + LaneConfig.MIN_MAX_OCCUPIED_SECONDS, max = "" + LaneConfig.MAX_MAX_OCCUPIED_SECONDS,
            description = "%lane.maxOccupiedSeconds.description")
    int maxOccupiedSeconds() default LaneConfig.DEFAULT_MAX_OCCUPIED_SECONDS;

    @AttributeDefinition(name = "%lane.missingLoopTimeoutMillis.name", min = "100", max = "60000",
            description = "%lane.missingLoopTimeoutMillis.description")
    int missingLoopTimeoutMillis() default LaneConfig.DEFAULT_MISSING_LOOP_TIMEOUT_MILLIS;

    @AttributeDefinition(name = "%lane.classBoundariesMeters.name", min = "" + LengthClassifier.MIN_BOUNDARY_METERS,
            description = "%lane.classBoundariesMeters.description")
    double[] classBoundariesMeters() default {
        LengthClassifier.DEFAULT_MOTORCYCLE_BELOW_METERS,
        LengthClassifier.DEFAULT_SHORT_BELOW_METERS,
        LengthClassifier.DEFAULT_MEDIUM_BELOW_METERS,
        LengthClassifier.DEFAULT_LONG_BELOW_METERS
    };
}
