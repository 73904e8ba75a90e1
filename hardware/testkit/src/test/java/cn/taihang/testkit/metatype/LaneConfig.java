package cn.taihang.testkit.metatype;

/** A configuration interface as a bundle declares one (its MetaType is the hand-written test.lane.xml). */
@interface LaneConfig {

    String device();

    int intervalSeconds() default 60;

    double spacingMeters() default 4.0;

    int[] pins() default {5, 6};

    Pull pull() default Pull.NONE;

    String _password() default "";

    /** The pull options. */
    enum Pull { UP, NONE }
}
