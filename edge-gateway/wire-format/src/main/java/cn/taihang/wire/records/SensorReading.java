package cn.taihang.wire.records;

import java.util.List;

/**
 * {@value RecordKinds#SENSOR_READING}: the values of one 5G road sensor measured at one time, NORMAL. Device: the
 * sensor; record time: when it measured. Measurements are named by IPSO path (OMA LwM2M registry),
 * {@code <object>/<instance>/<resource>}: {@link #VALUE} carries the value in the canonical SenML unit of its sensor
 * kind (e.g. {@code 3303} temperature in {@code Cel}, {@code 3304} humidity in {@code %RH}, {@code 3300} visibility
 * in {@code m}; none for a road-surface state code), {@link #APPLICATION_TYPE} tells the kinds of the generic objects
 * {@code 3300} and {@code 3325} apart (e.g. {@code visibility}, {@code pm2.5}).
 *
 * <p>Produced by the road-sensors bundle from what the sensors send over CoAP. Consumed by the telemetry API (the
 * city platform) and the end-to-end tests; alarms derived from readings travel as {@link AlarmEvent}s.
 */
public final class SensorReading {

    /** IPSO resource: Sensor Value. */
    public static final int SENSOR_VALUE = 5700;
    /** IPSO resource: Application Type. */
    public static final int APPLICATION_TYPE_RESOURCE = 5750;

    private static final String INSTANCE = "\\d{1,5}/\\d{1,5}";

    /** {@code <object>/<instance>/5700}: the value, in its kind's canonical unit. */
    public static final MetricFamily<Double> VALUE = MetricFamily.numbers("", INSTANCE, "/" + SENSOR_VALUE, null);
    /** {@code <object>/<instance>/5750}: the instance's application type, for the objects that need one. */
    public static final MetricFamily<String> APPLICATION_TYPE = MetricFamily.texts("", INSTANCE, "/" + APPLICATION_TYPE_RESOURCE);

    /** The kind. */
    public static final RecordKind KIND = RecordKind.of(RecordKinds.SENSOR_READING, RecordKind.NORMAL, List.of(), List.of(VALUE, APPLICATION_TYPE));

    private SensorReading() {
    }

    /**
     * @param object IPSO object id, e.g. 3303
     * @param instance object instance, from 0
     * @return the part of {@link #VALUE} and {@link #APPLICATION_TYPE} names that identifies the instance, e.g. {@code 3303/0}
     */
    public static String instance(int object, int instance) {
        return object + "/" + instance;
    }
}
