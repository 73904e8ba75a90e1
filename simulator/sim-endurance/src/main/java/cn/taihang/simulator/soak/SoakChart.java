package cn.taihang.simulator.soak;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The soak as a picture: one panel each for heap after a full collection, resident set, file descriptors and threads
 * (a line per long-lived process), and the stores' and the bridge database's size, day by simulated day. Flat lines
 * are what a city wants to see.
 */
final class SoakChart {

    private static final Color[] PROCESS_COLOURS = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2)};
    private static final Color[] STORAGE_COLOURS = {new Color(0x7f7f7f), new Color(0xbcbd22)};

    /** @return the PNG written */
    Path write(Path file, List<SoakDay> days) throws IOException {
        System.setProperty("java.awt.headless", "true");
        NumberAxis dayAxis = new NumberAxis("simulated day 模拟天数");
        dayAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(dayAxis);
        plot.setGap(12);
        plot.add(perProcess(days, "heap after GC, MiB 堆", ProcessSample::heapMib, true));
        plot.add(perProcess(days, "resident, MiB 常驻内存", ProcessSample::residentMib, false));
        plot.add(perProcess(days, "file descriptors 文件描述符", s -> s.fileDescriptors(), false));
        plot.add(perProcess(days, "threads 线程", s -> s.threads(), false));
        XYSeries stores = new XYSeries("gateway stores 网关存储");
        XYSeries database = new XYSeries("bridge database 云桥数据库");
        for (SoakDay d : days) {
            stores.add(d.day(), d.storeBytes() / 1_048_576.0);
            database.add(d.day(), d.bridgeDatabaseBytes() / 1_048_576.0);
        }
        XYSeriesCollection sizes = new XYSeriesCollection(stores);
        sizes.addSeries(database);
        plot.add(panel(sizes, "size, MiB 大小", STORAGE_COLOURS, true));
        JFreeChart chart = new JFreeChart("Soak 浸泡测试: " + (days.size() - 1) + " simulated days 模拟天 — memory, descriptors, threads, storage",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 1300);
        return file;
    }

    private static XYPlot perProcess(List<SoakDay> days, String axis, ToDoubleFunction<ProcessSample> value, boolean inLegend) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String name : days.get(0).processes().keySet()) {
            XYSeries series = new XYSeries(name);
            for (SoakDay d : days) {
                ProcessSample s = d.processes().get(name);
                if (s != null) {
                    series.add(d.day(), value.applyAsDouble(s));
                }
            }
            data.addSeries(series);
        }
        return panel(data, axis, PROCESS_COLOURS, inLegend);
    }

    /** A panel whose series keep their colour in every panel; only the first panel of a kind names them in the legend. */
    private static XYPlot panel(XYSeriesCollection data, String axis, Color[] colours, boolean inLegend) {
        NumberAxis range = new NumberAxis(axis);
        range.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colours[i % colours.length]);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesVisibleInLegend(i, inLegend);
        }
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
