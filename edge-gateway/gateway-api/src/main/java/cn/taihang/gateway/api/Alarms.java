package cn.taihang.gateway.api;

import java.util.List;

/**
 * The gateway's alarms, as an OSGi service. Raising and clearing work without an uplink: listeners
 * (e.g. a sign showing a fog warning) are told at once, and each change is also published to the
 * bridge as a critical record ({@code alarm.raised}, {@code alarm.cleared}).
 */
public interface Alarms {

    /** Raises (or updates) an alarm. Raising an active id again with the same content does nothing. */
    void raise(Alarm alarm);

    /**
     * Clears an alarm. Unknown ids are ignored.
     *
     * @param id the alarm's id
     * @param reason why it cleared, for people
     */
    void clear(String id, String reason);

    /** @return the active alarms, oldest first */
    List<Alarm> active();
}
