package cn.taihang.gateway.core.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmListener;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.wire.records.AlarmEvent;
import cn.taihang.wire.records.RecordKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's alarms: kept in memory (sources raise them again after a restart), told to every
 * {@link AlarmListener} on one thread in order, and published as critical records. Each change is queued for the
 * listeners registered by then and the outbox under the lock that makes it, so a raise and a clear made at once on two
 * threads reach them (and the store's sequence numbers) in the order they changed the active set, and a listener
 * registered late gets the active alarms first, then only the changes after them.
 */
@Component(service = Alarms.class)
public class AlarmsComponent implements Alarms {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmsComponent.class);

    private final Outbox outbox;
    private final Map<String, Alarm> active = new LinkedHashMap<>();
    private final List<AlarmListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "alarms"));

    @Activate
    public AlarmsComponent(@Reference(name = "outbox") Outbox outbox) {
        this.outbox = outbox;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(AlarmListener listener) {
        synchronized (active) {
            listeners.add(listener);
            List<Alarm> current = active();
            events.execute(() -> current.forEach(a -> notify(listener, a, true)));
        }
    }

    void removeListener(AlarmListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void raise(Alarm alarm) {
        synchronized (active) {
            Alarm previous = active.get(alarm.id());
            if (previous != null && sameContent(previous, alarm)) {
                return;
            }
            active.put(alarm.id(), previous == null ? alarm : withRaisedAt(alarm, previous.raisedAt()));
            List<AlarmListener> told = List.copyOf(listeners);
            events.execute(() -> {
                told.forEach(l -> notify(l, alarm, true));
                publish(AlarmEvent.RAISED, alarm, null);
            });
        }
        LOG.info("alarm raised: {} {} at {}: {}", alarm.severity(), alarm.kind(), alarm.source(), alarm.message());
    }

    @Override
    public void clear(String id, String reason) {
        Alarm cleared;
        synchronized (active) {
            cleared = active.remove(id);
            if (cleared == null) {
                return;
            }
            List<AlarmListener> told = List.copyOf(listeners);
            events.execute(() -> {
                told.forEach(l -> notify(l, cleared, false));
                publish(AlarmEvent.CLEARED, cleared, reason);
            });
        }
        LOG.info("alarm cleared: {} at {} ({})", cleared.kind(), cleared.source(), reason);
    }

    @Override
    public List<Alarm> active() {
        synchronized (active) {
            List<Alarm> alarms = new ArrayList<>(active.values());
            alarms.sort(Comparator.comparing(Alarm::raisedAt));
            return alarms;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        events.shutdown();
        events.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static boolean sameContent(Alarm a, Alarm b) {
        return a.kind().equals(b.kind()) && a.severity() == b.severity() && a.message().equals(b.message()) && a.details().equals(b.details());
    }

    private static Alarm withRaisedAt(Alarm alarm, Instant raisedAt) {
        return new Alarm(alarm.id(), alarm.kind(), alarm.severity(), alarm.source(), alarm.message(), raisedAt, alarm.details());
    }

    private static void notify(AlarmListener listener, Alarm alarm, boolean raised) {
        try {
            if (raised) {
                listener.raised(alarm);
            } else {
                listener.cleared(alarm);
            }
        } catch (RuntimeException e) {
            LOG.warn("alarm listener {} failed on {}: {}", listener.getClass().getName(), alarm.id(), e.toString());
        }
    }

    private void publish(RecordKind kind, Alarm alarm, String reason) {
        List<Measurement> values = new ArrayList<>();
        values.add(Measurement.of(AlarmEvent.ID, alarm.id()));
        values.add(Measurement.of(AlarmEvent.ALARM_KIND, alarm.kind()));
        values.add(Measurement.of(AlarmEvent.SEVERITY, alarm.severity().name()));
        values.add(Measurement.of(AlarmEvent.MESSAGE, alarm.message()));
        if (reason != null) {
            values.add(Measurement.of(AlarmEvent.REASON, reason));
        }
        alarm.details().forEach((key, value) -> {
            if (AlarmEvent.DETAIL.accepts(key)) {
                String name = AlarmEvent.DETAIL.nameOf(key);
                values.add(value instanceof Number n ? Measurement.number(name, null, n.doubleValue()) : Measurement.text(name, String.valueOf(value)));
            }
        });
        String device = alarm.source().matches("[A-Za-z0-9_./:-]{1,96}") ? alarm.source() : "gateway";
        Instant time = reason == null ? alarm.raisedAt() : Instant.now();
        outbox.publish(new OutboundRecord(device, kind, time, values)).whenComplete((seq, failure) -> {
            if (failure != null) {
                LOG.error("alarm {} of {} could not be stored for the bridge: {}", kind.name(), alarm.id(), failure.getMessage());
            }
        });
    }
}
