package cn.taihang.gateway.api;

/**
 * Told of alarms as they are raised and cleared, registered as an OSGi service (whiteboard). Called
 * on the alarm service's thread; must not block. A listener that registers late gets every active
 * alarm through {@link #raised} first.
 */
public interface AlarmListener {

    /** @param alarm an alarm raised or updated */
    void raised(Alarm alarm);

    /** @param alarm an alarm that cleared */
    void cleared(Alarm alarm);
}
