package cn.taihang.simulator.mishaps;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mishaps scenario's report; its last line is
 * {@code RESULT mishaps lost=<n> silent_drops=<n> conflicts_flagged=<n> wrong_end_states=<n>}.
 */
final class MishapsReport {

    private final PrintStream out;

    MishapsReport(PrintStream out) {
        this.out = out;
    }

    void print(MishapsOptions options, Map<String, String> mishapOf, MishapVerdict v) {
        out.println();
        out.println("Mishaps report 意外报告");
        out.printf("  city                      4 gateway processes (Felix + the distribution's bundles + a load producer), %d records/s each%n",
                options.ratePerGateway());
        new TreeMap<>(mishapOf).forEach((gateway, mishap) -> out.printf("      %-34s %s%n", gateway, mishap));
        out.println("  end states 结果状态:");
        for (MishapVerdict.Expectation e : v.expectations()) {
            out.printf("    %s %-22s %s — %s%n", e.met() ? "ok  " : "FAIL", e.mishap(), e.expected(), e.found());
        }
        out.printf("  ground truth              acknowledged records: %,d at the bridge, %,d kept aside as conflicts, %,d unsent on a card taken out%n",
                v.delivered(), v.conflictsFlagged(), v.stillOnCards());
        out.printf("  lost 丢失 %d   silent drops 静默丢弃 %d   conflicts flagged 冲突告警 %d   wrong end states 状态错误 %d — %s%n", v.lost(), v.silentDrops(),
                v.conflictsFlagged(), v.wrongEndStates(), v.passed() ? "nothing lost, every mishap seen 无丢失、意外均被发现" : "FAILED 失败");
        out.println(v.resultLine());
    }
}
