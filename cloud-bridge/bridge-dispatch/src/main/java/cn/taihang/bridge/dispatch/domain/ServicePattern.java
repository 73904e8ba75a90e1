package cn.taihang.bridge.dispatch.domain;

import cn.taihang.bridge.forecast.DayKind;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a line runs: from the first to the last departure, every {@code workdayHeadwayMinutes} on worked days and
 * every {@code restdayHeadwayMinutes} on weekends and holidays.
 *
 * @param first first departure
 * @param last no departure after this
 * @param workdayHeadwayMinutes minutes between departures on worked days
 * @param restdayHeadwayMinutes minutes between departures on weekends and holidays
 */
public record ServicePattern(LocalTime first, LocalTime last, int workdayHeadwayMinutes, int restdayHeadwayMinutes) {

    /** Validates. */
    public ServicePattern {
        if (last.isBefore(first) || workdayHeadwayMinutes < 5 || restdayHeadwayMinutes < 5) {
            throw new IllegalArgumentException("a service runs from first to last departure with headways of at least 5 minutes");
        }
    }

    /** @return the planned departure times of a day of this kind */
    public List<LocalTime> departures(DayKind kind) {
        int headway = kind.worked() ? workdayHeadwayMinutes : restdayHeadwayMinutes;
        List<LocalTime> times = new ArrayList<>();
        for (LocalTime t = first; !t.isAfter(last); t = t.plusMinutes(headway)) {
            times.add(t);
            if (t.plusMinutes(headway).isBefore(t)) {
                break;
            }
        }
        return times;
    }
}
