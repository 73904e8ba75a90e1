package cn.taihang.simulator.faults;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * The rollout scenario as a picture: the gateways per rollout state over time (stacked, as the bridge's API shows
 * them), each power cut drawn as a band, each rollout's start as a line.
 */
final class RolloutTimeline {

    /** The states drawn, bottom up, with their bilingual labels and colours. */
    private static final Map<String, Object[]> STATES = new LinkedHashMap<>();

    static {
        STATES.put("committed", new Object[] {"committed 已提交", new Color(0x2ca02c)});
        STATES.put("trying", new Object[] {"on trial 试运行", new Color(0xbcbd22)});
        STATES.put("switching", new Object[] {"switching 切换中", new Color(0x17becf)});
        STATES.put("staged", new Object[] {"staged 已暂存", new Color(0x9467bd)});
        STATES.put("downloading", new Object[] {"downloading 下载中", new Color(0x1f77b4)});
        STATES.put("sent", new Object[] {"ordered 已下发", new Color(0xaec7e8)});
        STATES.put("pending", new Object[] {"pending 等待", new Color(0xc7c7c7)});
        STATES.put("rolled-back", new Object[] {"rolled back 已回滚", new Color(0xd62728)});
        STATES.put("other", new Object[] {"failed, timed out, cancelled 失败/超时/取消", new Color(0x8c564b)});
    }

    private record Sample(double seconds, Map<String, Integer> counts) {}

    private record Mark(double seconds, String label) {}

    private final List<Sample> samples = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<double[]> cuts = new ArrayList<>();

    /** One sample of the current rollout: its gateways per state (the API's names). */
    synchronized void sample(double seconds, Map<String, Integer> byState) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        byState.forEach((state, n) -> counts.merge(STATES.containsKey(state) ? state : "other", n, Integer::sum));
        samples.add(new Sample(seconds, counts));
    }

    synchronized void rolloutStarted(double seconds, String label) {
        marks.add(new Mark(seconds, label));
    }

    synchronized void powerCut(double fromSeconds, double toSeconds) {
        cuts.add(new double[] {fromSeconds, toSeconds});
    }

    /** @return the PNG written */
    synchronized Path write(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
        int i = 0;
        for (Map.Entry<String, Object[]> state : STATES.entrySet()) {
            XYSeries series = new XYSeries((String) state.getValue()[0], true, false);
            for (Sample s : samples) {
                series.add(s.seconds(), s.counts().getOrDefault(state.getKey(), 0));
            }
            data.addSeries(series);
            renderer.setSeriesPaint(i++, (Color) state.getValue()[1]);
        }
        NumberAxis count = new NumberAxis("gateways 网关");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, new NumberAxis("seconds 秒"), count, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (double[] c : cuts) {
            plot.addDomainMarker(new IntervalMarker(c[0], c[1], new Color(0, 0, 0, 60)));
        }
        for (Mark m : marks) {
            ValueMarker marker = new ValueMarker(m.seconds(), Color.BLACK, new java.awt.BasicStroke(1.5f));
            marker.setLabel(m.label());
            marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(12, 8, 0, 0));
            plot.addDomainMarker(marker);
        }
        JFreeChart chart = new JFreeChart("Rollout 软件升级: gateways per state 各状态网关数", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("grey bands: a gateway without power (kill -9) 灰色: 网关断电 (kill -9); lines: a rollout starts 竖线: 升级开始"));
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 600);
        return file;
    }
}
