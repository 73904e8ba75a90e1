package cn.taihang.simulator.soak;

import cn.taihang.simulator.faults.CrashVerdict;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The soak's report; its last line is
 * {@code RESULT soak days=<n> heap_growth_mb=<n> fd_growth=<n> thread_growth=<n> lost=<n> rss_growth_mb=<n> duplicated=<n>}.
 */
final class SoakReport {

    private final PrintStream out;

    SoakReport(PrintStream out) {
        this.out = out;
    }

    void print(SoakOptions options, List<SoakDay> days, SoakGrowth growth, CrashVerdict verdict, long drainedInMillis, Path chart) {
        SoakDay last = days.get(days.size() - 1);
        out.println();
        out.println("Soak report 浸泡测试报告");
        out.printf("  city                      %d gateway processes (Felix + the distribution's bundles + a load producer), %d records/s each;%n",
                options.gateways(), options.ratePerGateway());
        out.printf("                            %d simulated days of %d s; each day one faulted gateway kill -9 and one broker stop or kill%n",
                options.days(), options.daySeconds());
        out.printf("  growth from day %d to day %d (heap after a full GC; a flat line is 0):%n", growth.baselineDay(), last.day());
        out.println("      process                               heap MiB           resident MiB          fds          threads");
        growth.perProcess().forEach((name, g) -> out.printf("      %-34s %6.1f → %6.1f   %7.0f → %7.0f   %5d → %-5d   %4d → %-4d%n", name,
                g.from().heapMib(), g.to().heapMib(), g.from().residentMib(), g.to().residentMib(), g.from().fileDescriptors(),
                g.to().fileDescriptors(), g.from().threads(), g.to().threads()));
        out.printf("  storage after day %d       gateway stores %.1f MiB together, bridge database %.1f MiB%n", last.day(),
                last.storeBytes() / 1_048_576.0, last.bridgeDatabaseBytes() / 1_048_576.0);
        out.printf("  ground truth              %,d records the gateways' outboxes acknowledged are at the bridge as acknowledged (journals)%n",
                verdict.delivered());
        out.printf("  drain after the last day  %s%n", drainedInMillis < 0 ? "TIMEOUT" : drainedInMillis + " ms");
        out.printf("  chart 图表: %s%n", chart);
        out.printf("  lost 丢失 %d   duplicated 重复 %d  — %s%n", verdict.lost(), verdict.duplicated(),
                verdict.exact() ? "nothing lost, nothing counted twice 无丢失、无重复" : "FAILED 失败");
        out.printf("RESULT soak days=%d heap_growth_mb=%.1f fd_growth=%d thread_growth=%d lost=%d rss_growth_mb=%.1f duplicated=%d%n", options.days(),
                growth.heapMib(), growth.fileDescriptors(), growth.threads(), verdict.lost(), growth.residentMib(), verdict.duplicated());
    }
}
