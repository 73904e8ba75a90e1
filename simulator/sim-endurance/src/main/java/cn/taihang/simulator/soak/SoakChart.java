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

    /** @return the PNG written */
    Path write(Path file, List<SoakDay> days) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("simulated day 模拟天数"));
        plot.setGap(12);
        plot.add(perProcess(days, "heap after GC, MiB 堆", ProcessSample::heapMib));
        plot.add(perProcess(days, "resident, MiB 常驻内存", ProcessSample::residentMib));
        plot.add(perProcess(days, "file descriptors 文件描述符", s -> s.fileDescriptors()));
        plot.add(perProcess(days, "threads 线程", s -> s.threads()));
        XYSeries stores = new XYSeries("gateway stores 网关存储");
        XYSeries database = new XYSeries("bridge database 云桥数据库");
        for (SoakDay d : days) {
            stores.add(d.day(), d.storeBytes() / 1_048_576.0);
            database.add(d.day(), d.bridgeDatabaseBytes() / 1_048_576.0);
        }
        XYSeriesCollection sizes = new XYSeriesCollection(stores);
        sizes.addSeries(database);
        plot.add(panel(sizes, "size, MiB 大小"));
        JFreeChart chart = new JFreeChart("Soak 浸泡测试: " + (days.size() - 1) + " simulated days 模拟天 — memory, descriptors, threads, storage",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 1300);
        return file;
    }

    private static XYPlot perProcess(List<SoakDay> days, String axis, ToDoubleFunction<ProcessSample> value) {
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
        return panel(data, axis);
    }

    private static XYPlot panel(XYSeriesCollection data, String axis) {
        NumberAxis range = new NumberAxis(axis);
        range.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, range, new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
