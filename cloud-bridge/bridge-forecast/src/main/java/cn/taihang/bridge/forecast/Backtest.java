package cn.taihang.bridge.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rolling-origin evaluation on held-out days: each day is forecast from the days before it only, then compared with
 * what happened.
 *
 * <p><b>MASE</b> (Hyndman & Koehler 2006) = the forecast's mean absolute error on the held-out hours ÷ the in-sample
 * mean absolute error of the seasonal naive forecast (the same hour {@code seasonDays} days earlier) on the training
 * days before the first held-out day. Below 1 the forecast errs less than the seasonal naive method does in sample.
 * <b>Relative MAE</b> compares with the seasonal naive forecast on the very same held-out days (out of sample).
 */
public final class Backtest {

    /**
     * One held-out day.
     *
     * @param date the day
     * @param actual what happened, 24 hours
     * @param forecast the forecast made the day before
     * @param naive the seasonal naive forecast (the same day {@code seasonDays} earlier), or {@code null} if not observed
     */
    public record DayResult(LocalDate date, double[] actual, double[] forecast, double[] naive) {}

    /**
     * @param days every held-out day that was observed
     * @param mase MASE over all their hours (NaN if the in-sample scale is 0 or there were no days)
     * @param relativeMae forecast MAE ÷ seasonal naive MAE on the days that have a naive forecast (NaN if none)
     * @param scale the in-sample seasonal naive MAE
     */
    public record Result(List<DayResult> days, double mase, double relativeMae, double scale) {}

    private Backtest() {
    }

    /**
     * @param forecaster the method
     * @param all every observation (training and held-out)
     * @param from first held-out day
     * @param to last held-out day (inclusive)
     * @param seasonDays the seasonal period in days (7: same hour last week)
     * @return the evaluation
     */
    public static Result run(SeasonalForecaster forecaster, FlowHistory all, LocalDate from, LocalDate to, int seasonDays) {
        double scale = seasonalNaiveScale(all.before(from), seasonDays);
        List<DayResult> days = new ArrayList<>();
        double errModel = 0;
        double errModelPaired = 0;
        double errNaive = 0;
        int hours = 0;
        int pairedHours = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Optional<double[]> actual = all.day(d);
            if (actual.isEmpty()) {
                continue;
            }
            double[] f = forecaster.forecast(all, d).hours();
            double[] naive = all.day(d.minusDays(seasonDays)).orElse(null);
            days.add(new DayResult(d, actual.get(), f, naive));
            for (int h = 0; h < FlowHistory.HOURS; h++) {
                double e = Math.abs(actual.get()[h] - f[h]);
                errModel += e;
                hours++;
                if (naive != null) {
                    errModelPaired += e;
                    errNaive += Math.abs(actual.get()[h] - naive[h]);
                    pairedHours++;
                }
            }
        }
        double mase = hours == 0 || scale <= 0 ? Double.NaN : errModel / hours / scale;
        double rel = pairedHours == 0 || errNaive <= 0 ? Double.NaN : errModelPaired / errNaive;
        return new Result(days, mase, rel, scale);
    }

    /** @return the mean absolute error of "the same hour {@code seasonDays} earlier" over the history, 0 if it has no pairs */
    public static double seasonalNaiveScale(FlowHistory history, int seasonDays) {
        double sum = 0;
        long n = 0;
        for (Map.Entry<LocalDate, double[]> e : history.days().entrySet()) {
            double[] earlier = history.days().get(e.getKey().minusDays(seasonDays));
            if (earlier == null) {
                continue;
            }
            for (int h = 0; h < FlowHistory.HOURS; h++) {
                sum += Math.abs(e.getValue()[h] - earlier[h]);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
