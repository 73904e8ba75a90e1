package cn.taihang.simulator.faults;

import java.util.EnumMap;
import java.util.Map;

/** Faults applied so far, per kind: how many, how many by SIGKILL, down times and restart times. */
final class CrashTally {

    /** Figures of one kind. */
    static final class Line {
        int count;
        int forcibly;
        long downTotal;
        long downMax;
        long upTotal;
        long upMax;

        long downMean() {
            return count == 0 ? 0 : downTotal / count;
        }

        long upMean() {
            return count == 0 ? 0 : upTotal / count;
        }
    }

    private final Map<FaultPlan.Kind, Line> lines = new EnumMap<>(FaultPlan.Kind.class);

    CrashTally() {
        for (FaultPlan.Kind k : FaultPlan.Kind.values()) {
            lines.put(k, new Line());
        }
    }

    synchronized void add(FaultPlan.Fault fault, long downMillis, long upMillis) {
        Line l = lines.get(fault.kind());
        l.count++;
        l.forcibly += fault.forcibly() ? 1 : 0;
        l.downTotal += downMillis;
        l.downMax = Math.max(l.downMax, downMillis);
        l.upTotal += upMillis;
        l.upMax = Math.max(l.upMax, upMillis);
    }

    synchronized Line line(FaultPlan.Kind kind) {
        return lines.get(kind);
    }

    /** @return the fewest faults of any kind */
    synchronized int leastPerKind() {
        return lines.values().stream().mapToInt(l -> l.count).min().orElse(0);
    }
}
