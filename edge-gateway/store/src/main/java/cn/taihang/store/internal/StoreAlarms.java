package cn.taihang.store.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.worker.DaemonThreads;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the store's conditions into gateway alarms ({@code store-full}, {@code store-disk-full},
 * {@code store-damaged}, {@code store-file-replaced}, source {@code store}).
 *
 * <p>The alarms service needs the store's outbox, so it cannot be obtained while the store is activating (the two
 * would wait on each other). The service is therefore only looked up, and alarms raised or cleared, on this class's
 * own thread, after the fact: the active conditions are kept, and whenever they change or the service arrives the
 * thread brings the service up to date, retrying while the service cannot be had yet.
 */
final class StoreAlarms implements StoreCondition.Listener, AutoCloseable {

    /** The alarms' source. */
    static final String SOURCE = "store";
    private static final Logger LOG = LoggerFactory.getLogger(StoreAlarms.class);
    private static final long RETRY_MILLIS = 1000;

    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("taihang-store-alarms"));
    private final Map<StoreCondition, Alarm> active = new EnumMap<>(StoreCondition.class);
    private final Map<StoreCondition, Alarm> raised = new EnumMap<>(StoreCondition.class);
    private Lookup service;
    private boolean retryScheduled;

    StoreAlarms(Clock clock) {
        this.clock = clock;
    }

    /** @return the alarm kind of a condition, e.g. {@code store-disk-full} */
    static String kind(StoreCondition condition) {
        return switch (condition) {
            case QUOTA_FULL -> "store-full";
            case DISK_FULL -> "store-disk-full";
            case DAMAGED -> "store-damaged";
            case FILE_REPLACED -> "store-file-replaced";
        };
    }

    @Override
    public void changed(StoreCondition condition, boolean isActive, String detail) {
        Alarm alarm = null;
        if (isActive) {
            String kind = kind(condition);
            AlarmSeverity severity = condition == StoreCondition.FILE_REPLACED ? AlarmSeverity.WARNING : AlarmSeverity.CRITICAL;
            alarm = new Alarm(kind + "@" + SOURCE, kind, severity, SOURCE, detail, clock.instant(),
                    Map.of("condition", condition.name().toLowerCase(Locale.ROOT)));
        }
        Alarm update = alarm;
        run(() -> {
            if (update == null) {
                active.remove(condition);
            } else {
                active.put(condition, update);
            }
            sync();
        });
    }

    /** Gets the alarms service, and lets it go; both called on the alarm thread only. */
    interface Lookup extends Supplier<Alarms> {

        /** @return the service, or {@code null} while it cannot be had yet (it is asked again later) */
        @Override
        Alarms get();

        /** The service is no longer used. */
        void release();
    }

    /** The alarms service arrived. */
    void bind(Lookup lookup) {
        run(() -> {
            if (service != null) {
                service.release();
            }
            service = lookup;
            raised.clear();
            sync();
        });
    }

    /** The alarms service left. */
    void unbind() {
        run(() -> {
            if (service != null) {
                service.release();
            }
            service = null;
        });
    }

    /** Raises what is active and not raised, clears what was raised and is no longer active. On the alarm thread. */
    private void sync() {
        if (service == null) {
            return;
        }
        Alarms alarms;
        try {
            alarms = service.get();
        } catch (RuntimeException e) {
            LOG.debug("the alarms service is not available yet: {}", e.toString());
            alarms = null;
        }
        if (alarms == null) {
            retryLater();
            return;
        }
        for (Map.Entry<StoreCondition, Alarm> e : Map.copyOf(raised).entrySet()) {
            if (!active.containsKey(e.getKey())) {
                alarms.clear(e.getValue().id(), "resolved: " + kind(e.getKey()) + " no longer holds");
                raised.remove(e.getKey());
            }
        }
        for (Map.Entry<StoreCondition, Alarm> e : active.entrySet()) {
            if (raised.get(e.getKey()) != e.getValue()) {
                alarms.raise(e.getValue());
                raised.put(e.getKey(), e.getValue());
            }
        }
    }

    private void retryLater() {
        if (retryScheduled) {
            return;
        }
        retryScheduled = true;
        try {
            thread.schedule(() -> {
                retryScheduled = false;
                sync();
            }, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            retryScheduled = false;
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Raising or clearing a store alarm failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("store alarms closed; change dropped");
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
