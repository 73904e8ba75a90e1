package cn.taihang.wire.records;

import java.util.List;

/**
 * {@value RecordKinds#ALARM_RAISED} and {@value RecordKinds#ALARM_CLEARED}: an alarm went up or away on a gateway,
 * CRITICAL. Device: the alarm's source (or {@code gateway}); record time: when it was raised, or when it cleared.
 * A gateway's store lets critical alarm records use a reserve above its quota.
 *
 * <p>Produced by the gateway core's alarm service for every alarm any bundle raises or clears (fog, ice and wind
 * from road sensors, a store that is full or damaged, a locker door left open, …; the simulator's hub workload sends
 * the same shape). Consumed by the bridge's signs service (road-weather alarms on the hub boards: {@link #ID},
 * {@link #ALARM_KIND}), the telemetry API and the demo's progress line.
 */
public final class AlarmEvent {

    /** The alarm's id, stable while it is active, e.g. {@code fog@vis-1}. */
    public static final Metric<String> ID = Metric.text("id");
    /** What it is: {@code fog}, {@code ice}, {@code wind}, {@code sensor-offline}, {@code store-full}, {@code locker-door-open}… */
    public static final Metric<String> ALARM_KIND = Metric.text("kind");
    /** Its severity: {@code WARNING} or {@code CRITICAL}. */
    public static final Metric<String> SEVERITY = Metric.text("severity");
    /** What the crew reads. */
    public static final Metric<String> MESSAGE = Metric.text("message");
    /** Cleared alarms: why it went away. */
    public static final Metric<String> REASON = Metric.text("reason");
    /** The alarm's details, {@code detail/<key>}, a number or a text each (e.g. {@code detail/visibility}). */
    public static final MetricFamily<Object> DETAIL = MetricFamily.numbersOrTexts("detail/", "[A-Za-z0-9_./:-]{1,57}");

    /** The alarm went up (or changed while up). */
    public static final RecordKind RAISED = RecordKind.of(RecordKinds.ALARM_RAISED, RecordKind.CRITICAL, List.of(ID, ALARM_KIND, SEVERITY, MESSAGE),
            List.of(DETAIL));
    /** The alarm went away. */
    public static final RecordKind CLEARED = RecordKind.of(RecordKinds.ALARM_CLEARED, RecordKind.CRITICAL,
            List.of(ID, ALARM_KIND, SEVERITY, MESSAGE, REASON), List.of(DETAIL));

    private AlarmEvent() {
    }
}
