package cn.taihang.simulator.province;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The province run as a picture: records made and acknowledged per second, and the ingest latency p50/p99, over time. */
final class ProvinceChart {

    /** @return the PNG written */
    Path write(Path file, List<LoadMeter.Interval> intervals, int gateways, int instances) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries made = new XYSeries("made 产生");
        XYSeries acked = new XYSeries("acknowledged 已确认");
        XYSeries p50 = new XYSeries("p50");
        XYSeries p99 = new XYSeries("p99");
        for (LoadMeter.Interval i : intervals) {
            made.add(i.seconds(), i.madePerSecond());
            acked.add(i.seconds(), i.ackedPerSecond());
            p50.add(i.seconds(), i.p50Millis());
            p99.add(i.seconds(), i.p99Millis());
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds 秒"));
        plot.setGap(12);
        plot.add(panel("records/s 记录/秒", new Color(0x1f77b4), new Color(0x2ca02c), made, acked));
        plot.add(panel("ingest latency, ms 入库延迟 (毫秒)", new Color(0xff7f0e), new Color(0xd62728), p50, p99));
        JFreeChart chart = new JFreeChart("Province load 全省负载: " + gateways + " gateways 网关, 11 cities of Shanxi 山西11市, "
                + instances + " bridge instance(s) 云桥实例", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 800);
        return file;
    }

    private static XYPlot panel(String axis, Color first, Color second, XYSeries a, XYSeries b) {
        XYSeriesCollection data = new XYSeriesCollection(a);
        data.addSeries(b);
        NumberAxis range = new NumberAxis(axis);
        range.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, first);
        renderer.setSeriesPaint(1, second);
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
