package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/** The outage as a picture: the store's backlog per priority class, hour by simulated hour, under its quota. */
final class OutageChart {

    private static final Map<Priority, Color> COLOURS = Map.of(Priority.CRITICAL, new Color(0xd62728), Priority.HIGH, new Color(0xff7f0e),
            Priority.NORMAL, new Color(0x1f77b4), Priority.BULK, new Color(0x7f7f7f));

    private final Map<Priority, XYSeries> series = new EnumMap<>(Priority.class);

    OutageChart() {
        for (Priority p : Priority.values()) {
            series.put(p, new XYSeries(p.name().toLowerCase(), false, false));
        }
    }

    /** Records the backlog at a simulated hour. */
    void sample(double hour, Map<Priority, ClassBacklog> backlog) {
        for (Priority p : Priority.values()) {
            ClassBacklog b = backlog.get(p);
            series.get(p).add(hour, b == null ? 0 : b.bytes() / 1_048_576.0);
        }
    }

    /** @return the PNG written */
    Path write(Path file, long quotaBytes, int hours) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
        int i = 0;
        for (Priority p : Priority.values()) {
            data.addSeries(series.get(p));
            renderer.setSeriesPaint(i++, COLOURS.get(p));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("simulated hours cut off 断网模拟小时"), new NumberAxis("backlog, MiB 积压"), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker quota = new ValueMarker(quotaBytes / 1_048_576.0, Color.BLACK, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {6f, 4f}, 0f));
        quota.setLabel("quota 配额");
        quota.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        quota.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(quota);
        JFreeChart chart = new JFreeChart("Outage 断网 " + hours + " h: the store's backlog per class 各优先级积压", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 550);
        return file;
    }
}
