package cn.taihang.simulator.faults;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The crash scenario as a picture: records the gateways' outboxes acknowledged and records the bridge holds, over
 * time, with each fault's outage drawn as a band coloured by what was down.
 */
final class CrashTimeline {

    private static final Map<FaultPlan.Kind, Color> COLOURS = Map.of(
            FaultPlan.Kind.GATEWAY, new Color(255, 165, 0, 70),
            FaultPlan.Kind.BROKER, new Color(148, 103, 189, 70),
            FaultPlan.Kind.BRIDGE, new Color(214, 39, 40, 70));

    private record Sample(double seconds, long acknowledged, long atBridge) {}

    private record Outage(FaultPlan.Kind kind, double fromSeconds, double toSeconds) {}

    private final List<Sample> samples = new ArrayList<>();
    private final List<Outage> outages = new ArrayList<>();

    synchronized void sample(double seconds, long acknowledged, long atBridge) {
        samples.add(new Sample(seconds, acknowledged, atBridge));
    }

    synchronized void outage(FaultPlan.Kind kind, double fromSeconds, double toSeconds) {
        outages.add(new Outage(kind, fromSeconds, toSeconds));
    }

    /** @return the PNG written */
    synchronized Path write(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries acknowledged = new XYSeries("acknowledged by the outboxes 网关已确认");
        XYSeries atBridge = new XYSeries("held by the bridge 网桥已入库");
        for (Sample s : samples) {
            acknowledged.add(s.seconds(), s.acknowledged());
            atBridge.add(s.seconds(), s.atBridge());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(acknowledged);
        data.addSeries(atBridge);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0x2ca02c));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        XYPlot plot = new XYPlot(data, new NumberAxis("seconds 秒"), new NumberAxis("records 记录"), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (Outage o : outages) {
            plot.addDomainMarker(new IntervalMarker(o.fromSeconds(), o.toSeconds(), COLOURS.get(o.kind())));
        }
        JFreeChart chart = new JFreeChart("Crash scenario 故障注入: " + outages.size() + " faults", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("bands: gateway killed (orange), broker down (purple), bridge down (red) "
                + "橙=网关被杀 紫=消息代理停止 红=网桥停止"));
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 600);
        return file;
    }
}
