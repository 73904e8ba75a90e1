package cn.taihang.simulator.truth;

import cn.taihang.counter.domain.LengthClass;
import java.util.EnumMap;
import java.util.Map;

/**
 * Vehicle counts of one interval: in total and per length class (classes only on dual-loop lanes).
 *
 * @param total vehicles
 * @param byClass vehicles per class; empty for single-loop lanes
 */
public record LaneCounts(long total, Map<LengthClass, Long> byClass) {

    /** Copies the map. */
    public LaneCounts {
        byClass = byClass.isEmpty() ? Map.of() : new EnumMap<>(byClass);
    }

    /** @return no vehicles */
    public static LaneCounts empty() {
        return new LaneCounts(0, Map.of());
    }

    /** @return these counts plus one vehicle of {@code lengthClass} ({@code null} on a single-loop lane) */
    public LaneCounts plus(LengthClass lengthClass) {
        Map<LengthClass, Long> classes = new EnumMap<>(LengthClass.class);
        classes.putAll(byClass);
        if (lengthClass != null) {
            classes.merge(lengthClass, 1L, Long::sum);
        }
        return new LaneCounts(total + 1, classes);
    }

    /** @return the element-wise sum (two partial records of one interval add up) */
    public LaneCounts plus(LaneCounts other) {
        Map<LengthClass, Long> classes = new EnumMap<>(LengthClass.class);
        classes.putAll(byClass);
        other.byClass.forEach((k, v) -> classes.merge(k, v, Long::sum));
        return new LaneCounts(total + other.total, classes);
    }

    /** @return the count of one class, 0 if absent */
    public long of(LengthClass lengthClass) {
        return byClass.getOrDefault(lengthClass, 0L);
    }
}
