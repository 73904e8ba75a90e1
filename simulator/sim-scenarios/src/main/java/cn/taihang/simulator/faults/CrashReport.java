package cn.taihang.simulator.faults;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** The crash scenario's report; its last line is {@code RESULT lost=<n> duplicated=<n> delivered=<n>}. */
final class CrashReport {

    private final PrintStream out;

    CrashReport(PrintStream out) {
        this.out = out;
    }

    void print(CrashOptions options, CrashTally tally, Map<String, Journal> journals, CrashVerdict v, long drainedInMillis, Path chart) {
        long torn = journals.values().stream().mapToLong(Journal::torn).sum();
        long reissued = journals.values().stream().mapToLong(Journal::reissued).sum();
        out.println();
        out.println("Crash scenario report 故障注入报告");
        out.printf("  gateways                  %d child JVMs (Felix + the distribution's bundles + a load producer), real SIGKILL%n", options.gateways());
        out.printf("  load                      %d records/s per gateway: 10%% critical, 20%% high, 50%% normal, 20%% bulk%n", options.ratePerGateway());
        out.println("  faults                    kind               count  SIGKILL  SIGTERM   down mean/max ms   back up mean/max ms");
        for (FaultPlan.Kind kind : FaultPlan.Kind.values()) {
            CrashTally.Line l = tally.line(kind);
            out.printf("                            %-17s %6d %8d %8d   %6d / %-6d      %6d / %-6d%n", kind.label, l.count, l.forcibly,
                    l.count - l.forcibly, l.downMean(), l.downMax, l.upMean(), l.upMax);
        }
        out.printf("  ground truth              %,d records acknowledged by the gateways' outboxes (journals; %d torn lines from kills)%n",
                journals.values().stream().mapToLong(Journal::size).sum(), torn);
        out.printf("  at the bridge             %,d rows: %,d as acknowledged, %,d unconfirmed (stored, gateway killed before its%n",
                v.rows(), v.delivered(), v.unconfirmed());
        out.printf("                            producer heard of it), %,d marked historical (replayed after an outage)%n", v.historical());
        out.printf("  sequence numbers issued twice by a store: %d%n", reissued);
        out.printf("  drain after the load stopped: %s%n", drainedInMillis < 0 ? "TIMEOUT" : drainedInMillis + " ms");
        out.printf("  chart 图表: %s%n", chart);
        out.printf("  lost 丢失 %d   duplicated 重复 %d   delivered 送达 %,d  — %s%n", v.lost(), v.duplicated(), v.delivered(),
                v.exact() ? "nothing lost, nothing counted twice 无丢失、无重复" : "FAILED 失败");
        out.println(v.resultLine());
    }
}
