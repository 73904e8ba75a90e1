package cn.taihang.gateway.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmListener;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.wire.records.AlarmEvent;
import cn.taihang.wire.records.RecordKinds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Raises and clears of the same alarms from several threads at once: every listener, and the records published for
 * the bridge (in sequence order), end with exactly the alarms that are active — never a raise after its clear.
 */
@Tag("unit")
class AlarmsOrderTest {

    @Test
    void listenersAndRecordsEndWithTheActiveAlarmsWhateverTheInterleaving() throws Exception {
        List<OutboundRecord> published = new CopyOnWriteArrayList<>();
        AlarmsComponent alarms = new AlarmsComponent(record -> {
            published.add(record);
            return CompletableFuture.completedFuture((long) published.size());
        });
        Set<String> early = ConcurrentHashMap.newKeySet();
        Set<String> late = ConcurrentHashMap.newKeySet();
        alarms.addListener(tracking(early));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Random random = new Random(16 + t);
            int index = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 2_500; i++) {
                    String id = "ice@rs-" + random.nextInt(2);
                    if (random.nextBoolean()) {
                        alarms.raise(new Alarm(id, "ice", AlarmSeverity.WARNING, "rs", "ice " + index + "/" + i, Instant.now(), Map.of()));
                    } else {
                        alarms.clear(id, "dry");
                    }
                    if (index == 0 && i == 1_200) {
                        alarms.addListener(tracking(late));
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        Set<String> active = new TreeSet<>(alarms.active().stream().map(Alarm::id).toList());
        CountDownLatch drained = new CountDownLatch(1);
        alarms.addListener(new AlarmListener() {
            @Override
            public void raised(Alarm alarm) {
                if (alarm.id().equals("sentinel")) {
                    drained.countDown();
                }
            }

            @Override
            public void cleared(Alarm alarm) {
            }
        });
        alarms.raise(new Alarm("sentinel", "test", AlarmSeverity.WARNING, "test", "queued after every change above", Instant.now(), Map.of()));
        assertThat(drained.await(60, TimeUnit.SECONDS)).as("every change told").isTrue();
        early.remove("sentinel");
        late.remove("sentinel");
        alarms.deactivate();
        assertThat(clearedBeforeRaised).as("clears told before their raise").hasValue(0);
        assertThat(new TreeSet<>(early)).isEqualTo(active);
        assertThat(new TreeSet<>(late)).as("a listener registered midway").isEqualTo(active);
        Map<String, String> lastRecord = new TreeMap<>();
        published.forEach(r -> lastRecord.put(r.measurements().stream().filter(m -> m.name().equals(AlarmEvent.ID.name())).findFirst().orElseThrow()
                .text(), r.kind()));
        lastRecord.values().removeIf(kind -> kind.equals(RecordKinds.ALARM_CLEARED));
        lastRecord.remove("sentinel");
        assertThat(lastRecord.keySet()).as("the last record of each alarm, in publishing order").isEqualTo(active);
    }

    private final AtomicInteger clearedBeforeRaised = new AtomicInteger();

    /** Keeps the listener's view of the active alarms, counting clears that reach it before their raise. */
    private AlarmListener tracking(Set<String> view) {
        return new AlarmListener() {
            @Override
            public void raised(Alarm alarm) {
                view.add(alarm.id());
            }

            @Override
            public void cleared(Alarm alarm) {
                if (!view.remove(alarm.id())) {
                    clearedBeforeRaised.incrementAndGet();
                }
            }
        };
    }
}
