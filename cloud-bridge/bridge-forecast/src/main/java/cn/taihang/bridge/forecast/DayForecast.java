package cn.taihang.bridge.forecast;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A forecast of one location's flow for one day.
 *
 * @param date the day
 * @param kind how the day behaves
 * @param holidayId the holiday break it belongs to, or {@code null}
 * @param hours 24 hourly values
 * @param method {@code seasonal} (level × day-of-week or holiday factor × hourly profile) or
 *     {@code short-history} (fewer than a week of observations: the mean day so far)
 * @param trainingDays observed days the forecast was fitted on
 */
public record DayForecast(LocalDate date, DayKind kind, String holidayId, double[] hours, String method, int trainingDays) {

    /** Copies the hours. */
    public DayForecast {
        if (hours.length != FlowHistory.HOURS) {
            throw new IllegalArgumentException("a day forecast has 24 hourly values");
        }
        hours = hours.clone();
    }

    @Override
    public double[] hours() {
        return hours.clone();
    }

    /** @return the value for one hour */
    public double hour(int h) {
        return hours[h];
    }

    /** @return the day's total */
    public double total() {
        return Arrays.stream(hours).sum();
    }
}
