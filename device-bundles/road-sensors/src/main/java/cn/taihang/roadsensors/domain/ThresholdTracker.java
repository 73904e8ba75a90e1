package cn.taihang.roadsensors.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the alarm rules to readings, keeping per sensor instance and rule whether the alarm is active
 * and how many clearing readings came in a row. Readings older than the latest seen for the same
 * instance and kind are ignored (a backlog must not clear a current alarm). Not thread-safe: one caller
 * at a time (the owner synchronises).
 */
public final class ThresholdTracker {

    private final List<AlarmRule> rules;
    private final Map<String, State> states = new HashMap<>();

    /** @param rules the rules; several may watch one kind */
    public ThresholdTracker(List<AlarmRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** @return the changes this reading causes, possibly none */
    public List<AlarmChange> evaluate(Reading reading) {
        List<AlarmChange> changes = new ArrayList<>(1);
        for (AlarmRule rule : rules) {
            if (rule.kind() != reading.kind()) {
                continue;
            }
            State state = states.computeIfAbsent(reading.sensorId() + "|" + reading.instance() + "|" + rule.alarmKind(), k -> new State());
            if (state.latest != null && reading.time().isBefore(state.latest)) {
                continue;
            }
            state.latest = reading.time();
            if (!state.active) {
                if (rule.raises(reading.value())) {
                    state.active = true;
                    state.clearing = 0;
                    changes.add(new AlarmChange(AlarmChange.Type.RAISED, rule, reading));
                }
            } else if (rule.clears(reading.value())) {
                if (++state.clearing >= rule.clearAfterReadings()) {
                    state.active = false;
                    state.clearing = 0;
                    changes.add(new AlarmChange(AlarmChange.Type.CLEARED, rule, reading));
                }
            } else {
                state.clearing = 0;
            }
        }
        return changes;
    }

    /** @return whether the rule's alarm is active for that sensor instance */
    public boolean isActive(String sensorId, int instance, String alarmKind) {
        State state = states.get(sensorId + "|" + instance + "|" + alarmKind);
        return state != null && state.active;
    }

    private static final class State {
        boolean active;
        int clearing;
        java.time.Instant latest;
    }
}
