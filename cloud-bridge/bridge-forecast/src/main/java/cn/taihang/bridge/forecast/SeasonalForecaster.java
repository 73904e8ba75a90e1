package cn.taihang.bridge.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Forecasts a location's hourly flow for a day from the days before it, as
 * <pre>  flow(d, h) = level × factor(d) × profile(class(d), h)</pre>
 * <ul>
 *   <li><b>level</b>: the mean daily total of the last {@code levelDays} ordinary days (not in a break, not the eve of
 *       a long one), each first divided by its day-of-week factor (so a window with an extra Saturday does not raise
 *       it), moved along the window's least-squares trend to the forecast day by a damping share (slow seasonal
 *       drift, e.g. the autumn decline);</li>
 *   <li><b>factor</b>: for workdays and weekends the day-of-week factor (mean total of that weekday over the last
 *       {@code weekdayDays} ordinary days ÷ the mean of the seven weekday means, so that days left out do not bias
 *       it); for a make-up workday (调休上班) the mean Monday–Friday factor; for a holiday the <b>holiday effect</b>
 *       learnt from earlier breaks of the same length class (long: ≥ 5 days — Spring Festival, Labour Day, Golden
 *       Week; short: 3 days): each earlier holiday day's total ÷ the level before its break, weighted by how close its
 *       position in its break is to the target's (first day … last day, kernel bandwidth 0.3). A class never seen in
 *       the history falls back to a documented prior ({@link Settings}). The eve of a long break (节前) is multiplied by
 *       the <b>eve effect</b> learnt from earlier eves;</li>
 *   <li><b>profile</b>: the share of the day's total in each hour, over recent days of the same class (worked days,
 *       weekends) or over all earlier holiday days.</li>
 * </ul>
 * Exact, deterministic and cheap (one pass over at most a few months of days); no fitting library needed.
 */
public final class SeasonalForecaster {

    /**
     * @param levelDays days of history the level and the profiles are taken from (28)
     * @param weekdayDays days of history the day-of-week factors are taken from (56)
     * @param longHolidayPrior holiday factor for a long break when the history holds none (2.0)
     * @param shortHolidayPrior holiday factor for a short break when the history holds none (1.5)
     * @param trendDamping share of the level window's linear trend carried to the forecast day, 0–1 (0.5)
     */
    public record Settings(int levelDays, int weekdayDays, double longHolidayPrior, double shortHolidayPrior, double trendDamping) {

        /** @return the defaults */
        public static Settings defaults() {
            return new Settings(28, 56, 2.0, 1.5, 0.5);
        }

        /** Validates. */
        public Settings {
            if (levelDays < 7 || weekdayDays < 7 || longHolidayPrior <= 0 || shortHolidayPrior <= 0 || trendDamping < 0 || trendDamping > 1) {
                throw new IllegalArgumentException("level and weekday windows must be at least 7 days, holiday priors positive, trend damping 0-1");
            }
        }
    }

    private static final int MIN_DAYS = 7;
    private static final int MIN_HOLIDAY_PROFILE_DAYS = 3;
    /** Ordinary days the level before an earlier break needs for that break to teach a holiday effect. */
    static final int MIN_LEVEL_DAYS = 14;
    /** Kernel bandwidth, in relative position within a break, of the holiday effect. */
    static final double HOLIDAY_BANDWIDTH = 0.3;

    private final HolidayCalendar calendar;
    private final Settings settings;

    /** @param calendar holidays and make-up workdays */
    public SeasonalForecaster(HolidayCalendar calendar, Settings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /** @param calendar holidays and make-up workdays; default settings */
    public SeasonalForecaster(HolidayCalendar calendar) {
        this(calendar, Settings.defaults());
    }

    /** @return the calendar */
    public HolidayCalendar calendar() {
        return calendar;
    }

    /**
     * @param history observations; only days before {@code date} are used
     * @param date the day to forecast
     * @return the forecast; with fewer than 7 observed days, the mean observed day
     */
    public DayForecast forecast(FlowHistory history, LocalDate date) {
        FlowHistory past = history.before(date);
        DayKind kind = calendar.kind(date);
        String holidayId = calendar.holiday(date).map(Holiday::id).orElse(null);
        if (past.size() < MIN_DAYS) {
            double[] mean = new double[FlowHistory.HOURS];
            past.days().values().forEach(h -> {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += h[i] / past.size();
                }
            });
            return new DayForecast(date, kind, holidayId, mean, "short-history", past.size());
        }
        double[] dow = weekdayFactors(past, date);
        double level = level(past, date, dow);
        double factor = switch (kind) {
            case WORKDAY, WEEKEND -> dow[date.getDayOfWeek().getValue()];
            case MAKEUP_WORKDAY -> workdayMean(dow);
            case HOLIDAY -> holidayFactor(past, calendar.holiday(date).orElseThrow(), date);
        };
        if (eve(date)) {
            factor *= eveFactor(past);
        }
        double[] profile = profile(past, date, kind);
        double[] hours = new double[FlowHistory.HOURS];
        for (int h = 0; h < hours.length; h++) {
            hours[h] = level * factor * profile[h];
        }
        return new DayForecast(date, kind, holidayId, hours, "seasonal", past.size());
    }

    /** @return whether the day is neither in a break nor the eve of a long one (both have their own effects) */
    private boolean ordinary(LocalDate d) {
        return calendar.kind(d) != DayKind.HOLIDAY && !eve(d);
    }

    /** @return whether the day is the last one before a long break (节前): travel starts */
    boolean eve(LocalDate d) {
        return calendar.kind(d) != DayKind.HOLIDAY && calendar.holiday(d.plusDays(1)).filter(Holiday::isLong).isPresent();
    }

    /** @return factors indexed by {@link DayOfWeek#getValue()} (1–7); 1.0 where a weekday was never seen */
    double[] weekdayFactors(FlowHistory past, LocalDate before) {
        double[] sum = new double[8];
        int[] n = new int[8];
        double all = 0;
        int count = 0;
        for (Map.Entry<LocalDate, double[]> e : past.days().subMap(before.minusDays(settings.weekdayDays()), true, before, false).entrySet()) {
            DayKind k = calendar.kind(e.getKey());
            if ((k == DayKind.WORKDAY || k == DayKind.WEEKEND) && !eve(e.getKey())) {
                double t = Arrays.stream(e.getValue()).sum();
                int w = e.getKey().getDayOfWeek().getValue();
                sum[w] += t;
                n[w]++;
                all += t;
                count++;
            }
        }
        double[] f = new double[8];
        Arrays.fill(f, 1.0);
        if (count == 0 || all <= 0) {
            return f;
        }
        double meanOfMeans = 0;
        int seen = 0;
        for (int w = 1; w <= 7; w++) {
            if (n[w] > 0) {
                meanOfMeans += sum[w] / n[w];
                seen++;
            }
        }
        meanOfMeans /= seen;
        for (int w = 1; w <= 7; w++) {
            if (n[w] > 0 && meanOfMeans > 0) {
                f[w] = sum[w] / n[w] / meanOfMeans;
            }
        }
        return f;
    }

    private static double workdayMean(double[] dow) {
        return (dow[1] + dow[2] + dow[3] + dow[4] + dow[5]) / 5;
    }

    private double dayFactor(LocalDate d, double[] dow) {
        DayKind k = calendar.kind(d);
        double f = k == DayKind.MAKEUP_WORKDAY ? workdayMean(dow) : dow[d.getDayOfWeek().getValue()];
        return f > 0 ? f : 1.0;
    }

    /**
     * @return the de-seasonalised daily level at {@code before}: the mean over the ordinary days of the level window,
     *     moved along their least-squares trend to {@code before} by the damping share (0 = no trend)
     */
    double level(FlowHistory past, LocalDate before, double[] dow) {
        double sum = 0;
        double sumX = 0;
        double sumXY = 0;
        double sumXX = 0;
        int n = 0;
        for (Map.Entry<LocalDate, double[]> e : past.days().subMap(before.minusDays(settings.levelDays()), true, before, false).entrySet()) {
            if (ordinary(e.getKey())) {
                double y = Arrays.stream(e.getValue()).sum() / dayFactor(e.getKey(), dow);
                double x = e.getKey().toEpochDay() - before.toEpochDay();
                sum += y;
                sumX += x;
                sumXY += x * y;
                sumXX += x * x;
                n++;
            }
        }
        if (n == 0) {
            return past.days().values().stream().mapToDouble(h -> Arrays.stream(h).sum()).average().orElse(0);
        }
        double mean = sum / n;
        double meanX = sumX / n;
        double varX = sumXX / n - meanX * meanX;
        if (n < MIN_LEVEL_DAYS || varX <= 0) {
            return mean;
        }
        double slope = (sumXY / n - meanX * mean) / varX;
        return Math.max(0, mean + settings.trendDamping() * slope * (0 - meanX));
    }

    /** @return where the day lies in its break: 0 first day … 1 last day (0.5 for a one-day break) */
    static double position(Holiday h, LocalDate d) {
        return h.length() == 1 ? 0.5 : (double) (d.toEpochDay() - h.first().toEpochDay()) / (h.length() - 1);
    }

    /**
     * The holiday effect at the target day's position in its break: a kernel-weighted mean of the ratios (day total ÷
     * level before that break) of every earlier holiday day of the same length class, weight
     * {@code max(0, 1 − |Δposition| ÷ }{@value #HOLIDAY_BANDWIDTH}{@code )}; breaks with fewer than
     * {@value #MIN_LEVEL_DAYS} ordinary days before them in the history are skipped (their level is unknown).
     */
    private double holidayFactor(FlowHistory past, Holiday target, LocalDate date) {
        double r = position(target, date);
        double weighted = 0;
        double weights = 0;
        double any = 0;
        int nAny = 0;
        LocalDate levelFor = null;
        double levelBefore = 0;
        for (Map.Entry<LocalDate, double[]> e : past.days().entrySet()) {
            Optional<Holiday> h = calendar.holiday(e.getKey());
            if (h.isEmpty() || h.get().isLong() != target.isLong()) {
                continue;
            }
            if (!h.get().first().equals(levelFor)) {
                levelFor = h.get().first();
                levelBefore = ordinaryDays(past, levelFor) >= MIN_LEVEL_DAYS ? level(past, levelFor, weekdayFactors(past, levelFor)) : 0;
            }
            if (levelBefore <= 0) {
                continue;
            }
            double ratio = Arrays.stream(e.getValue()).sum() / levelBefore;
            double w = Math.max(0, 1 - Math.abs(position(h.get(), e.getKey()) - r) / HOLIDAY_BANDWIDTH);
            weighted += w * ratio;
            weights += w;
            any += ratio;
            nAny++;
        }
        if (weights > 0) {
            return weighted / weights;
        }
        if (nAny > 0) {
            return any / nAny;
        }
        return target.isLong() ? settings.longHolidayPrior() : settings.shortHolidayPrior();
    }

    /** The eve effect: mean over earlier eves of long breaks of their total ÷ (level × weekday factor); 1 if none. */
    private double eveFactor(FlowHistory past) {
        double sum = 0;
        int n = 0;
        for (Map.Entry<LocalDate, double[]> e : past.days().entrySet()) {
            LocalDate d = e.getKey();
            if (eve(d) && ordinaryDays(past, d) >= MIN_LEVEL_DAYS) {
                double[] dow = weekdayFactors(past, d);
                double expected = level(past, d, dow) * dayFactor(d, dow);
                if (expected > 0) {
                    sum += Arrays.stream(e.getValue()).sum() / expected;
                    n++;
                }
            }
        }
        return n == 0 ? 1.0 : sum / n;
    }

    private int ordinaryDays(FlowHistory past, LocalDate before) {
        int n = 0;
        for (LocalDate d : past.days().subMap(before.minusDays(settings.levelDays()), true, before, false).keySet()) {
            if (ordinary(d)) {
                n++;
            }
        }
        return n;
    }

    private double[] profile(FlowHistory past, LocalDate date, DayKind kind) {
        double[] sum = new double[FlowHistory.HOURS];
        int days = 0;
        if (kind == DayKind.HOLIDAY) {
            for (Map.Entry<LocalDate, double[]> e : past.days().entrySet()) {
                if (calendar.kind(e.getKey()) == DayKind.HOLIDAY) {
                    add(sum, e.getValue());
                    days++;
                }
            }
            if (days >= MIN_HOLIDAY_PROFILE_DAYS) {
                return normalise(sum);
            }
            Arrays.fill(sum, 0);
            kind = DayKind.WEEKEND;
        }
        boolean worked = kind.worked();
        for (Map.Entry<LocalDate, double[]> e : past.days().subMap(date.minusDays(settings.levelDays()), true, date, false).entrySet()) {
            DayKind k = calendar.kind(e.getKey());
            if (k != DayKind.HOLIDAY && k.worked() == worked) {
                add(sum, e.getValue());
            }
        }
        return normalise(sum);
    }

    private static void add(double[] sum, double[] hours) {
        for (int h = 0; h < sum.length; h++) {
            sum[h] += hours[h];
        }
    }

    private static double[] normalise(double[] sum) {
        double total = Arrays.stream(sum).sum();
        double[] p = new double[sum.length];
        for (int h = 0; h < p.length; h++) {
            p[h] = total > 0 ? sum[h] / total : 1.0 / p.length;
        }
        return p;
    }
}
