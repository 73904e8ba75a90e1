package cn.taihang.simulator.mobility;

import cn.taihang.bridge.forecast.DayKind;
import cn.taihang.bridge.forecast.Holiday;
import cn.taihang.bridge.forecast.HolidayCalendar;
import cn.taihang.simulator.traffic.DailyProfile;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated truth of passenger arrivals at a place: a daily volume × season × day (weekday, weekend, make-up
 * workday, holiday with Golden Week's early peak, the eve of a long break) × a shared weather factor, spread over the
 * day by a profile — high-speed-rail arrivals for the HSR hubs, the hub or tourist-road profile otherwise — with
 * Poisson noise. The same seed gives the same passengers.
 */
final class DemandModel {

    /** Arrival times of passengers at HSR East stations: trains per day, local minute of day. */
    static final int[] JINCHENG_TRAINS = {7 * 60 + 12, 8 * 60 + 5, 8 * 60 + 47, 9 * 60 + 30, 10 * 60 + 18, 11 * 60 + 2, 12 * 60 + 25, 13 * 60 + 40,
        14 * 60 + 15, 15 * 60 + 8, 16 * 60 + 33, 17 * 60 + 20, 18 * 60 + 45, 19 * 60 + 30, 20 * 60 + 55, 21 * 60 + 40};
    static final int[] GAOPING_TRAINS = {7 * 60 + 40, 8 * 60 + 55, 10 * 60 + 5, 11 * 60 + 30, 13 * 60 + 10, 14 * 60 + 50, 16 * 60 + 5, 17 * 60 + 45,
        19 * 60 + 20, 21 * 60 + 5};

    private static final double[] WEEKDAY = {0, 0.90, 0.85, 0.85, 0.90, 1.05, 1.35, 1.15};
    private static final DailyProfile HUB = DailyProfile.forRoad("hub");
    private static final DailyProfile SCENIC = DailyProfile.forRoad("tourist-road");

    private final HolidayCalendar calendar;
    private final long seed;

    DemandModel(HolidayCalendar calendar, long seed) {
        this.calendar = calendar;
        this.seed = seed;
    }

    HolidayCalendar calendar() {
        return calendar;
    }

    /** @return the day's demand multiplier: weekday or holiday effect, eve of a long break, season, weather */
    double dayFactor(LocalDate d) {
        return calendarFactor(d) * Math.exp(0.08 * new SplittableRandom(seed * 31 + d.toEpochDay()).nextGaussian());
    }

    /** @return the day's multiplier without the weather, which nobody can know the day before */
    double calendarFactor(LocalDate d) {
        DayKind kind = calendar.kind(d);
        double f = switch (kind) {
            case HOLIDAY -> holidayFactor(calendar.holiday(d).orElseThrow(), d);
            case MAKEUP_WORKDAY -> 0.9;
            default -> WEEKDAY[d.getDayOfWeek().getValue()];
        };
        if (kind != DayKind.HOLIDAY && calendar.holiday(d.plusDays(1)).filter(Holiday::isLong).isPresent()) {
            f *= 1.25;
        }
        double season = 1 + 0.12 * Math.sin(2 * Math.PI * (d.getDayOfYear() - 100) / 365.0);
        return f * season;
    }

    static double holidayFactor(Holiday h, LocalDate d) {
        double r = h.length() == 1 ? 0 : (double) (d.toEpochDay() - h.first().toEpochDay()) / (h.length() - 1);
        return h.isLong() ? 2.9 - 1.5 * r : 1.8 - 0.4 * r;
    }

    /**
     * @return the passengers arriving at the place on the day, as minute-of-day arrival times in order
     */
    List<Double> arrivals(MobilityWorld.Site site, LocalDate d) {
        SplittableRandom random = new SplittableRandom(seed ^ (site.id().hashCode() * 1_000_003L + d.toEpochDay()));
        double volume = site.perDay() * dayFactor(d);
        List<Double> minutes = new ArrayList<>();
        int[] trains = site.trains();
        if (trains.length > 0) {
            for (int t : trains) {
                int n = poisson(volume / trains.length, random);
                for (int i = 0; i < n; i++) {
                    minutes.add(t + 5 + 15 * random.nextDouble());
                }
            }
        } else {
            DailyProfile profile = site.scenic() ? SCENIC : HUB;
            double sum = 0;
            for (int h = 0; h < 24; h++) {
                sum += profile.factor(h);
            }
            for (int h = 0; h < 24; h++) {
                int n = poisson(volume * profile.factor(h) / sum, random);
                for (int i = 0; i < n; i++) {
                    minutes.add(h * 60 + 60 * random.nextDouble());
                }
            }
        }
        minutes.sort(Double::compare);
        return minutes;
    }

    /**
     * @return the expected arrivals per hour without the day's weather — what a forecaster that knew the simulator's
     *     calendar, season and profiles exactly would say the day before: the floor for any forecast
     */
    double[] expectedHourly(MobilityWorld.Site site, LocalDate d) {
        double volume = site.perDay() * calendarFactor(d);
        double[] h = new double[24];
        int[] trains = site.trains();
        if (trains.length > 0) {
            for (int t : trains) {
                for (int m = 0; m < 15; m++) {
                    h[Math.min(23, (t + 5 + m) / 60)] += volume / trains.length / 15;
                }
            }
            return h;
        }
        DailyProfile profile = site.scenic() ? SCENIC : HUB;
        double sum = 0;
        for (int i = 0; i < 24; i++) {
            sum += profile.factor(i);
        }
        for (int i = 0; i < 24; i++) {
            h[i] = volume * profile.factor(i) / sum;
        }
        return h;
    }

    /** @return the day's arrivals counted per hour */
    static double[] hourly(List<Double> minutes) {
        double[] h = new double[24];
        for (double m : minutes) {
            h[Math.min(23, (int) (m / 60))]++;
        }
        return h;
    }

    static int poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
