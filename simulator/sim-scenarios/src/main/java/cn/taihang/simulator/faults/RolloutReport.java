package cn.taihang.simulator.faults;

import cn.taihang.release.build.DerivedReleases;
import cn.taihang.release.build.ReleaseDirectory;
import cn.taihang.simulator.scenario.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The rollout scenario's report: a summary on the console, {@code report.html} beside the chart (bilingual labels),
 * and last the {@code RESULT rollout …} line.
 */
final class RolloutReport {

    /**
     * How the bad release went.
     *
     * @param rollout its rollout's id
     * @param done the rollout as the bridge shows it at its end
     * @param entries its gateways
     * @param haltMillis from its creation until it halted
     * @param backMillis from its creation until the canary ran the good release again
     */
    record BadOutcome(long rollout, JsonNode done, Map<String, JsonNode> entries, long haltMillis, long backMillis) {}

    private final PrintStream out;

    RolloutReport(PrintStream out) {
        this.out = out;
    }

    void write(RolloutOptions options, Scenario scenario, RolloutGateways gateways, ReleaseDirectory good, JsonNode goodDone, Map<String, JsonNode> goodEntries,
               long goodMillis, Map<String, Long> linkBytes, BadOutcome bad, PowerCuts cuts, CrashVerdict verdict, long drainMillis, Path chart,
               RolloutResult result) throws IOException {
        long changed = good.manifest().bundles().stream().filter(b -> b.symbolicName().equals(DerivedReleases.CHANGED_SYMBOLIC_NAME))
                .mapToLong(b -> b.size()).sum();
        long full = good.manifest().totalBytes();
        long[] link = linkBytes.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long linkMedian = link.length == 0 ? 0 : link[link.length / 2];
        long linkMax = link.length == 0 ? 0 : link[link.length - 1];
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Rollout 软件升级</title><style>")
                .append("body{font-family:'Noto Sans CJK SC',sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#eee}.bad{color:#b00}</style></head><body>\n")
                .append("<h1>Rollout scenario 软件升级场景</h1>\n<p>").append(gateways.all().size()).append(" of the city's ").append(scenario.sites().size())
                .append(" sites ran as full gateway processes (Felix booted from A/B slots by the launcher's SlottedGateway, a load producer inside); ")
                .append("本次以完整网关进程运行 ").append(gateways.all().size()).append(" / ").append(scenario.sites().size()).append(" 个站点。")
                .append(" Each gateway fetched from the bridge over HTTPS through its own metered link capped at ")
                .append(String.format("%,d", options.linkBytesPerSecond())).append(" B/s 每个网关经计量链路下载。</p>\n");
        h.append("<h2>Figures 指标</h2><table>");
        row(h, "good release " + RolloutRun.GOOD + ": whole rollout 全部升级用时", String.format("%.1f s, status %s", goodMillis / 1000.0,
                goodDone.path("status").asText()));
        row(h, "bytes per gateway, one-bundle change 单包变更每网关字节", String.format("%,d B of bundles (reported by the gateways); %,d B median, %,d B max on the link (TLS, manifest, resumed fetches)",
                changed, linkMedian, linkMax));
        row(h, "bytes of a full release 完整版本字节", String.format("%,d B (%d bundles)", full, good.manifest().bundles().size()));
        if (bad != null) {
            row(h, "bad release " + RolloutRun.BAD + " on the canary: halted 坏版本在金丝雀上被拦截", String.format("%.1f s after the rollout's creation: %s",
                    bad.haltMillis() / 1000.0, esc(bad.done().path("reason").asText())));
            row(h, "canary back on the good release 金丝雀回到上一版本", String.format("%.1f s", bad.backMillis() / 1000.0));
        }
        row(h, "records 记录", String.format("lost %d, duplicated %d, delivered %,d; drained %d ms after the load stopped", result.lost(), verdict.duplicated(),
                verdict.delivered(), drainMillis));
        row(h, "power cuts 断电", String.format("%d carried out, %d not intact, %d planned but not fired", result.cutList().size(), result.cutsNotIntact(), result.cutsUnfired()));
        h.append("</table>\n<img src=\"").append(chart.getFileName()).append("\" alt=\"gateways per state over time\" width=\"1200\">\n");
        h.append("<h2>Gateways 网关</h2><table><tr><th>gateway 网关</th><th>site 站点</th><th>kind 类型</th><th>wave 批次</th><th>good release 好版本</th>")
                .append("<th>attempts 次数</th><th>bundle bytes 包字节</th><th>link bytes 链路字节</th><th>boots 启动</th><th>runs 运行</th><th>bad release 坏版本</th></tr>\n");
        for (RolloutGateways.Gateway g : gateways.all().values()) {
            JsonNode e = goodEntries.get(g.id());
            RolloutGateways.Boot boot = gateways.lastBoot(g.id());
            h.append("<tr><td>").append(g.id()).append("</td><td>").append(esc(g.site().bilingualName())).append("</td><td>").append(g.site().kind())
                    .append("</td><td>").append(e.path("wave").asInt()).append("</td><td>").append(e.path("state").asText()).append("</td><td>")
                    .append(e.path("attempt").asInt()).append("</td><td>").append(String.format("%,d", e.path("bytes").asLong())).append("</td><td>")
                    .append(String.format("%,d", linkBytes.getOrDefault(g.id(), 0L))).append("</td><td>").append(gateways.boots(g.id())).append("</td><td>")
                    .append(boot == null ? "?" : esc(boot.release() + (boot.ready() ? "" : " NOT up"))).append("</td><td>")
                    .append(bad == null ? "-" : esc(bad.entries().get(g.id()).path("state").asText())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Power cuts 断电 (kill -9)</h2><table><tr><th>t</th><th>gateway 网关</th><th>step 步骤</th><th>slots found 槽状态</th>")
                .append("<th>partial download 部分下载</th><th>integrity 完整性</th><th>rows at cut 断电时行数</th><th>rows at open 重启时行数</th>")
                .append("<th>missing 丢失</th><th>restart 重启</th><th>runs after 重启后版本</th></tr>\n");
        for (PowerCuts.Cut c : cuts.cuts()) {
            h.append("<tr").append(c.intact() ? "" : " class=\"bad\"").append("><td>").append(String.format("%.0f s", c.atSeconds())).append("</td><td>")
                    .append(c.gateway()).append("</td><td>").append(c.step()).append("</td><td>").append(esc(c.phaseFound())).append("</td><td>")
                    .append(String.format("%,d B", c.partialBytes())).append("</td><td>").append(esc(c.integrity())).append("</td><td>").append(c.rowsAtCut())
                    .append("</td><td>").append(c.rowsAtOpen()).append("</td><td>").append(c.missing()).append("</td><td>")
                    .append(c.readyAgain() ? "up in " + c.restartMillis() + " ms" : "NOT up").append("</td><td>").append(esc(c.releaseAfter() + (c.trialAfter() ? " (on trial 试运行)" : ""))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!cuts.unfired().isEmpty() || !cuts.failures().isEmpty()) {
            h.append("<p class=\"bad\">not carried out 未执行: ").append(esc(cuts.unfired() + " " + cuts.failures())).append("</p>\n");
        }
        h.append("<p><code>").append(result.resultLine()).append("</code></p></body></html>\n");
        Path html = options.runDir().resolve("report.html");
        Files.writeString(html, h, StandardCharsets.UTF_8);

        out.println();
        out.println("gateway 网关                              kind          wave  good release  attempts  bundle B   link B  boots  runs        bad release");
        for (RolloutGateways.Gateway g : gateways.all().values()) {
            JsonNode e = goodEntries.get(g.id());
            RolloutGateways.Boot boot = gateways.lastBoot(g.id());
            out.printf("  %-38s %-13s %4d  %-12s  %8d  %8d  %7d  %5d  %-10s  %s%n", g.id(), g.site().kind(), e.path("wave").asInt(), e.path("state").asText(),
                    e.path("attempt").asInt(), e.path("bytes").asLong(), linkBytes.getOrDefault(g.id(), 0L), gateways.boots(g.id()),
                    boot == null ? "?" : boot.release() + (boot.ready() ? "" : " NOT up"), bad == null ? "-" : bad.entries().get(g.id()).path("state").asText());
        }
        out.printf("whole rollout of %s 全部升级: %.1f s; bundle bytes per gateway %,d (one bundle changed) vs %,d for the full release; link bytes "
                + "per gateway median %,d, max %,d%n", RolloutRun.GOOD, goodMillis / 1000.0, changed, full, linkMedian, linkMax);
        if (bad != null) {
            out.printf("bad release %s 坏版本: halted on the canary after %.1f s, canary back on %s after %.1f s%n", RolloutRun.BAD, bad.haltMillis() / 1000.0,
                    RolloutRun.GOOD, bad.backMillis() / 1000.0);
        }
        out.printf("power cuts 断电: %d, not intact %d, not fired %d%s%n", result.cutList().size(), result.cutsNotIntact(), result.cutsUnfired(),
                cuts.unfired().isEmpty() ? "" : " " + cuts.unfired());
        out.printf("report 报告: %s  chart 图表: %s%n", html, chart);
        out.println(result.resultLine());
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
