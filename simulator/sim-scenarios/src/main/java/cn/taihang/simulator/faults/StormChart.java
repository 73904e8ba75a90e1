package cn.taihang.simulator.faults;

import java.awt.BasicStroke;
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

/** The reconnect storm as a picture: the city's backlog and the bridge's CPU, second by second, paced and unpaced. */
final class StormChart {

    private static final Color PACED = new Color(0x1f77b4);
    private static final Color UNPACED = new Color(0xd62728);

    private StormChart() {
    }

    /** @return the PNG written */
    static Path write(List<StormRun.Figures> runs, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection backlog = new XYSeriesCollection();
        XYSeriesCollection cpu = new XYSeriesCollection();
        for (StormRun.Figures f : runs) {
            XYSeries b = new XYSeries(f.label());
            for (int s = 0; s < f.backlogPerSecond().size(); s++) {
                b.add(s, f.backlogPerSecond().get(s));
            }
            backlog.addSeries(b);
            XYSeries c = new XYSeries(f.label());
            for (int s = 0; s < f.bridgeCpuPerSecond().size(); s++) {
                c.add(s + 1, f.bridgeCpuPerSecond().get(s));
            }
            cpu.addSeries(c);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds since the reconnect 重连后秒数"));
        plot.add(plot(backlog, "backlog records 积压记录", true), 1);
        plot.add(plot(cpu, "bridge CPU, % of a core 网桥 CPU", false), 1);
        JFreeChart chart = new JFreeChart("Reconnect storm 重连风暴: " + runs.get(0).gateways() + " gateways, " + runs.get(0).records() + " records",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 700);
        return file;
    }

    private static XYPlot plot(XYSeriesCollection data, String label, boolean inLegend) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, "paced".equals(data.getSeriesKey(i)) ? PACED : UNPACED);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesVisibleInLegend(i, inLegend);
        }
        XYPlot plot = new XYPlot(data, null, new NumberAxis(label), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
