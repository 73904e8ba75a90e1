package cn.taihang.simulator.truth;

import cn.taihang.counter.domain.LengthClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Ground truth against what the bridge recorded, interval by interval.
 *
 * @param intervals intervals compared
 * @param matching intervals whose total and class counts agree
 * @param vehiclesExpected vehicles in the truth
 * @param vehiclesCounted vehicles in the bridge's records
 * @param differences one line per interval that differs, for people
 */
public record CountComparison(int intervals, int matching, long vehiclesExpected, long vehiclesCounted, List<String> differences) {

    /** Copies the list. */
    public CountComparison {
        differences = List.copyOf(differences);
    }

    /** @return whether every interval agrees */
    public boolean exact() {
        return differences.isEmpty();
    }

    /**
     * Compares two sets of interval counts over the keys in either (an interval missing on one side
     * counts as zero vehicles).
     *
     * @param truth the simulator's ground truth
     * @param measured what the bridge recorded
     * @param compareClasses whether to compare per-class counts too (dual-loop lanes)
     */
    public static CountComparison of(Map<IntervalKey, LaneCounts> truth, Map<IntervalKey, LaneCounts> measured, boolean compareClasses) {
        TreeSet<IntervalKey> keys = new TreeSet<>(truth.keySet());
        keys.addAll(measured.keySet());
        List<String> differences = new ArrayList<>();
        long expectedTotal = 0;
        long countedTotal = 0;
        int matching = 0;
        for (IntervalKey key : keys) {
            LaneCounts expected = truth.getOrDefault(key, LaneCounts.empty());
            LaneCounts counted = measured.getOrDefault(key, LaneCounts.empty());
            expectedTotal += expected.total();
            countedTotal += counted.total();
            boolean same = expected.total() == counted.total();
            if (compareClasses && !expected.byClass().isEmpty()) {
                for (LengthClass c : LengthClass.values()) {
                    same &= expected.of(c) == counted.of(c);
                }
            }
            if (same) {
                matching++;
            } else {
                differences.add(key.gatewayId() + " " + key.device() + " @" + java.time.Instant.ofEpochMilli(key.startMillis())
                        + ": truth " + expected.total() + " " + expected.byClass() + ", bridge " + counted.total() + " " + counted.byClass());
            }
        }
        return new CountComparison(keys.size(), matching, expectedTotal, countedTotal, differences);
    }
}
