package cn.taihang.store.internal;

import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.ClockStatus;
import cn.taihang.gateway.api.HealthIndicator;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.gateway.spi.DurableCounters;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.gateway.spi.StoredRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The store as OSGi services: {@link Outbox} for device bundles, {@link RecordQueue} and {@link DurableCounters}
 * for the cloud link, and the {@code store} {@link HealthIndicator}. A thin adapter around {@link SqliteStore};
 * a configuration change closes the store and opens it again. The store's conditions (full, disk full, damaged, file
 * replaced) are raised as alarms on the gateway's {@link Alarms} service once it is there. Records age by the monotonic
 * clock ({@link StoreClock}) and expire only while the gateway's {@link ClockStatus} says the clock is synchronised.
 */
@Component(configurationPid = StoreConfig.PID, immediate = true, property = "health.name=store",
        service = {Outbox.class, RecordQueue.class, DurableCounters.class, HealthIndicator.class})
@Designate(ocd = StoreConfig.class)
public final class StoreComponent implements Outbox, RecordQueue, DurableCounters, HealthIndicator {

    /** Framework property naming the directory of the gateway's data. */
    static final String DATA_DIR_PROPERTY = "taihang.data.dir";

    private final BundleContext context;
    private final SqliteStore store;
    private final StoreAlarms alarms = new StoreAlarms(Clock.systemUTC());

    /** The clock's status; while none is bound the clock counts as not synchronised, and nothing expires. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClockStatus clockStatus;

    /**
     * @throws IOException if the data directory cannot be written
     * @throws SQLException if SQLite cannot open the file
     */
    @Activate
    public StoreComponent(StoreConfig config, BundleContext context) throws IOException, SQLException {
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        Path base = dataDir == null || dataDir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(dataDir);
        this.context = context;
        store = SqliteStore.open(StoreSettings.from(config, base), Clock.systemUTC(), System::nanoTime, this::clockSynchronised);
        store.watch(alarms);
    }

    private boolean clockSynchronised() {
        ClockStatus status = clockStatus;
        return status != null && status.synchronised();
    }

    /** The alarms service bound now; DS binds a replacement before it unbinds the one leaving. */
    private volatile ServiceReference<Alarms> boundAlarms;

    /**
     * The gateway's alarms. Optional, and bound by reference only: the alarms service needs this store's outbox, so it
     * is got later, on the alarm thread, never while this component activates.
     */
    @Reference(service = Alarms.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAlarms(ServiceReference<Alarms> reference) {
        boundAlarms = reference;
        alarms.bind(new StoreAlarms.Lookup() {
            private Alarms held;

            @Override
            public Alarms get() {
                if (held == null) {
                    held = context.getService(reference);
                }
                return held;
            }

            @Override
            public void release() {
                if (held != null) {
                    held = null;
                    context.ungetService(reference);
                }
            }
        });
    }

    void unbindAlarms(ServiceReference<Alarms> reference) {
        if (reference.equals(boundAlarms)) {
            boundAlarms = null;
            alarms.unbind();
        }
    }

    @Deactivate
    void deactivate() {
        store.watch(null);
        alarms.unbind();
        alarms.close();
        store.close();
    }

    @Override
    public CompletionStage<Long> publish(OutboundRecord record) {
        return store.publish(record);
    }

    @Override
    public List<StoredRecord> claim(int max) {
        return store.claim(max);
    }

    @Override
    public void acknowledge(long[] seqs) {
        store.acknowledge(seqs);
    }

    @Override
    public void releaseAll() {
        store.releaseAll();
    }

    @Override
    public long incarnation() {
        return store.incarnation();
    }

    @Override
    public int inFlight() {
        return store.inFlight();
    }

    @Override
    public Map<Priority, ClassBacklog> backlog() {
        return store.backlog();
    }

    @Override
    public void onRecordsAvailable(Runnable listener) {
        store.onRecordsAvailable(listener);
    }

    @Override
    public long incrementAndGet(String name) {
        return store.incrementAndGet(name);
    }

    @Override
    public HealthReport health() {
        return store.health();
    }
}
