package cn.taihang.simulator.mobility;

import cn.taihang.bridge.forecast.Backtest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Hour;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** The report's pictures as PNG files (JFreeChart, headless). */
final class GoldenWeekCharts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final Color WITH = new Color(0x1f77b4);
    static final Color WITHOUT = new Color(0xd62728);
    static final Color GREEDY = new Color(0xff7f0e);

    private GoldenWeekCharts() {
    }

    /** @return the files written */
    static List<Path> write(GoldenWeekRun.Result r, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(save(lines(r), dir.resolve("golden-week-lines.png"), 1100, 800));
        files.add(save(forecasts(r), dir.resolve("golden-week-forecast.png"), 1200, 1000));
        files.add(save(mase(r), dir.resolve("golden-week-mase.png"), 1000, 600));
        files.add(save(rentals(r), dir.resolve("golden-week-rental.png"), 1100, 800));
        return files;
    }

    private static Path save(JFreeChart chart, Path file, int w, int h) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, w, h);
        return file;
    }

    private static JFreeChart lines(GoldenWeekRun.Result r) {
        DefaultCategoryDataset waits = new DefaultCategoryDataset();
        DefaultCategoryDataset denied = new DefaultCategoryDataset();
        for (GoldenWeekRun.LineDay d : r.lines()) {
            String day = d.date().toString().substring(5);
            waits.addValue(d.with().meanWait(), "with dispatch", day);
            waits.addValue(d.without().meanWait(), "planned timetable only", day);
            denied.addValue(d.with().denied(), "with dispatch", day);
            denied.addValue(d.without().denied(), "planned timetable only", day);
        }
        CategoryAxis days = new CategoryAxis("day");
        days.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(days);
        plot.add(barPlot(waits, "mean wait of boarded passengers (min)"), 1);
        plot.add(barPlot(denied, "passengers denied boarding"), 1);
        return new JFreeChart("Tourist lines around Golden Week: with vs without dispatch", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static CategoryPlot barPlot(DefaultCategoryDataset data, String label) {
        BarRenderer renderer = new BarRenderer();
        renderer.setSeriesPaint(0, WITH);
        renderer.setSeriesPaint(1, WITHOUT);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryPlot p = new CategoryPlot(data, null, new NumberAxis(label), renderer);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return p;
    }

    private static JFreeChart forecasts(GoldenWeekRun.Result r) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new DateAxis("local time"));
        for (String hub : List.of("jincheng-hsr-east", "jincheng-east-bus", "gaoping-hsr-east", "huangcheng-xiangfu")) {
            GoldenWeekRun.HubAccuracy acc = r.hubs().stream().filter(h -> h.id().equals(hub)).findFirst().orElse(null);
            if (acc == null) {
                continue;
            }
            TimeSeries actual = new TimeSeries("actual " + acc.en());
            TimeSeries forecast = new TimeSeries("forecast " + acc.en());
            for (Backtest.DayResult d : acc.result().days()) {
                for (int h = 0; h < 24; h++) {
                    Hour hour = new Hour(h, d.date().getDayOfMonth(), d.date().getMonthValue(), d.date().getYear());
                    actual.add(hour, d.actual()[h]);
                    forecast.add(hour, d.forecast()[h]);
                }
            }
            TimeSeriesCollection data = new TimeSeriesCollection();
            data.addSeries(actual);
            data.addSeries(forecast);
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setSeriesPaint(0, Color.DARK_GRAY);
            renderer.setSeriesPaint(1, WITH);
            renderer.setSeriesStroke(1, new BasicStroke(1.6f));
            XYPlot sub = new XYPlot(data, null, new NumberAxis(String.format("%s (MASE %.2f)", acc.en(), acc.result().mase())), renderer);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setRangeGridlinePaint(Color.LIGHT_GRAY);
            plot.add(sub, 1);
        }
        return new JFreeChart("Passengers per hour: forecast (made the day before) vs actual", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static JFreeChart mase(GoldenWeekRun.Result r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (GoldenWeekRun.HubAccuracy h : r.hubs()) {
            data.addValue(h.dailyMase(), "MASE, daily totals", h.en());
            data.addValue(h.result().mase(), "MASE, hourly", h.en());
            data.addValue(h.oracleMase(), "hourly floor (expected flow)", h.en());
            data.addValue(h.result().relativeMae(), "hourly MAE / seasonal naive MAE, same days", h.en());
        }
        CategoryAxis axis = new CategoryAxis("hub");
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = barPlot(data, "error ratio");
        plot.setDomainAxis(axis);
        plot.addRangeMarker(new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f)));
        double highest = r.hubs().stream().mapToDouble(h -> Math.max(h.dailyMase(), h.result().mase())).filter(Double::isFinite).max().orElse(1);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, Math.max(1.1, highest * 1.1));
        return new JFreeChart("Forecast accuracy per hub on held-out days " + r.settings().from() + " – " + r.settings().to(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static JFreeChart rentals(GoldenWeekRun.Result r) {
        DefaultCategoryDataset availability = new DefaultCategoryDataset();
        DefaultCategoryDataset moved = new DefaultCategoryDataset();
        for (Map.Entry<RentalOperations.Variant, List<RentalOperations.Day>> e : r.rentals().entrySet()) {
            String name = switch (e.getKey()) {
                case NONE -> "no rebalancing";
                case GREEDY -> "greedy rebalancing";
                case MIN_COST_FLOW -> "min-cost-flow rebalancing";
            };
            for (RentalOperations.Day d : e.getValue()) {
                String day = d.date().toString().substring(5);
                availability.addValue(100 * d.availability(), name, day);
                if (e.getKey() != RentalOperations.Variant.NONE) {
                    moved.addValue(d.carsMoved(), name, day);
                }
            }
        }
        CategoryAxis days = new CategoryAxis("day");
        days.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(days);
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, WITHOUT);
        lines.setSeriesPaint(1, GREEDY);
        lines.setSeriesPaint(2, WITH);
        CategoryPlot top = new CategoryPlot(availability, null, new NumberAxis("requests served (%)"), lines);
        top.setBackgroundPaint(Color.WHITE);
        top.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.add(top, 2);
        CategoryPlot bottom = barPlot(moved, "cars moved overnight");
        ((BarRenderer) bottom.getRenderer()).setSeriesPaint(0, GREEDY);
        ((BarRenderer) bottom.getRenderer()).setSeriesPaint(1, WITH);
        plot.add(bottom, 1);
        return new JFreeChart("One-way rentals: availability with and without overnight rebalancing", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
