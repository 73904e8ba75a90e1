package cn.taihang.roadsensors.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.Alarms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gateway's alarms, in memory (our own port). */
final class FakeAlarms implements Alarms {

    final Map<String, Alarm> active = new LinkedHashMap<>();
    final List<String> events = new ArrayList<>();

    @Override
    public synchronized void raise(Alarm alarm) {
        active.put(alarm.id(), alarm);
        events.add("raised " + alarm.id());
    }

    @Override
    public synchronized void clear(String id, String reason) {
        if (active.remove(id) != null) {
            events.add("cleared " + id);
        }
    }

    @Override
    public synchronized List<Alarm> active() {
        return new ArrayList<>(active.values());
    }
}
