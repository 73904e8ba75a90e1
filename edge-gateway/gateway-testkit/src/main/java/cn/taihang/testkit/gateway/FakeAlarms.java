package cn.taihang.testkit.gateway;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.Alarms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's {@link Alarms} in memory: what is active by id (a raise of the same id replaces it), and every raise and
 * clear in order. Thread-safe.
 */
public final class FakeAlarms implements Alarms {

    private final Map<String, Alarm> active = new LinkedHashMap<>();
    private final List<Alarm> raised = new CopyOnWriteArrayList<>();
    private final List<String> cleared = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void raise(Alarm alarm) {
        active.put(alarm.id(), alarm);
        raised.add(alarm);
        events.add("raised " + alarm.id());
    }

    @Override
    public synchronized void clear(String id, String reason) {
        cleared.add(id);
        if (active.remove(id) != null) {
            events.add("cleared " + id);
        }
    }

    @Override
    public synchronized List<Alarm> active() {
        return new ArrayList<>(active.values());
    }

    /** @return every alarm raised, oldest first (a live view) */
    public List<Alarm> raised() {
        return raised;
    }

    /** @return the id of every clear asked for, active or not, oldest first (a live view) */
    public List<String> cleared() {
        return cleared;
    }

    /** @return "raised id" and "cleared id" (of an active alarm) in order (a live view) */
    public List<String> events() {
        return events;
    }

    /** @return the active alarm of that id, or {@code null} */
    public synchronized Alarm activeAlarm(String id) {
        return active.get(id);
    }
}
