package cn.taihang.simulator.mobility;

import java.util.List;
import java.util.Map;

/** The Golden Week figures as a Markdown report (also printed). */
final class GoldenWeekReport {

    private GoldenWeekReport() {
    }

    static String markdown(GoldenWeekRun.Result r, List<java.nio.file.Path> charts) {
        StringBuilder md = new StringBuilder();
        GoldenWeekRun.Settings s = r.settings();
        md.append("# Golden Week simulation 黄金周仿真 — ").append(s.from()).append(" … ").append(s.to()).append("\n\n");
        md.append("History simulated from ").append(s.historyFrom()).append("; each held-out day is forecast from the days before it only. Seed ")
                .append(s.seed()).append(".\n\n");
        md.append("## Forecast accuracy per hub 各枢纽预测精度\n\n");
        md.append("MASE scales the forecast's mean absolute error on the held-out days by the seasonal naive method's in-sample error "
                + "(same hour / same weekday one week earlier, over the training months). Hourly counts carry Poisson noise that no forecast can "
                + "remove, and it grows with the Golden Week volumes: the *floor* column is the MASE of the simulator's expected flow without "
                + "the day's weather — what a forecaster that knew the simulated calendar effects exactly would say the day before. The last "
                + "column compares with the seasonal naive forecast on the very same held-out days.\n\n");
        md.append("| hub | MASE daily totals | MASE hourly | floor (expected flow) | hourly MAE ÷ seasonal naive's MAE, same days |\n|---|---:|---:|---:|---:|\n");
        r.hubs().forEach(h -> md.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f |%n", h.en(), h.dailyMase(), h.result().mase(), h.oracleMase(),
                h.result().relativeMae())));
        md.append(String.format("%nMedian: daily MASE %.2f, hourly MASE %.2f (floor %.2f), relative MAE %.2f. Hubs with daily MASE < 1: %d of %d.%n%n",
                median(r.hubs().stream().mapToDouble(GoldenWeekRun.HubAccuracy::dailyMase).toArray()),
                median(r.hubs().stream().mapToDouble(h -> h.result().mase()).toArray()),
                median(r.hubs().stream().mapToDouble(GoldenWeekRun.HubAccuracy::oracleMase).toArray()),
                median(r.hubs().stream().mapToDouble(h -> h.result().relativeMae()).toArray()),
                r.hubs().stream().filter(h -> h.dailyMase() < 1).count(), r.hubs().size()));
        md.append("## Tourist lines: with vs without dispatch 旅游班线：调度前后\n\n");
        md.append("| day | passengers | mean wait with (min) | without | denied boarding with | without | gave up with | without | extras | unserved |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        LineOperations.Outcome with = LineOperations.Outcome.NONE;
        LineOperations.Outcome without = LineOperations.Outcome.NONE;
        int extras = 0;
        for (GoldenWeekRun.LineDay d : r.lines()) {
            md.append(String.format("| %s | %d | %.1f | %.1f | %d | %d | %d | %d | %d | %d |%n", d.date(), d.with().passengers(), d.with().meanWait(),
                    d.without().meanWait(), d.with().denied(), d.without().denied(), d.with().gaveUp(), d.without().gaveUp(), d.extras(), d.unserved()));
            with = with.plus(d.with());
            without = without.plus(d.without());
            extras += d.extras();
        }
        md.append(String.format("| **all** | %d | **%.1f** | **%.1f** | **%d** | **%d** | %d | %d | %d | |%n%n", with.passengers(), with.meanWait(),
                without.meanWait(), with.denied(), without.denied(), with.gaveUp(), without.gaveUp(), extras));
        md.append("## One-way rentals 异地还车\n\n| rebalancing | requests | served | availability | cars moved | move cost (yuan) |\n|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<RentalOperations.Variant, List<RentalOperations.Day>> e : r.rentals().entrySet()) {
            int req = e.getValue().stream().mapToInt(RentalOperations.Day::requests).sum();
            int served = e.getValue().stream().mapToInt(RentalOperations.Day::served).sum();
            int moved = e.getValue().stream().mapToInt(RentalOperations.Day::carsMoved).sum();
            long cost = e.getValue().stream().mapToLong(RentalOperations.Day::moveCostFen).sum();
            md.append(String.format("| %s | %d | %d | %.1f %% | %d | %,d |%n", e.getKey().name().toLowerCase().replace('_', '-'), req, served,
                    req == 0 ? 100.0 : 100.0 * served / req, moved, cost / 100));
        }
        md.append("\n## Charts 图表\n\n");
        charts.forEach(c -> md.append("- ").append(c.getFileName()).append("\n"));
        return md.toString();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
