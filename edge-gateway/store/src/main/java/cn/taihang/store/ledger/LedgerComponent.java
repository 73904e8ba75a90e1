package cn.taihang.store.ledger;

import cn.taihang.gateway.api.HealthIndicator;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.LedgerEntry;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import cn.taihang.gateway.api.config.Ranges;
import cn.taihang.gateway.api.worker.DaemonThreads;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LocalLedger} service and its {@code ledger} health check: a thin adapter around
 * {@link SqliteLedger}, with an hourly sweep of expired entries. Active without configuration.
 */
@Component(configurationPid = LedgerConfig.PID, immediate = true, property = "health.name=ledger",
        service = {LocalLedger.class, HealthIndicator.class})
@Designate(ocd = LedgerConfig.class)
public final class LedgerComponent implements LocalLedger, HealthIndicator {

    /** Framework property naming the directory of the gateway's data. */
    static final String DATA_DIR_PROPERTY = "taihang.data.dir";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerComponent.class);

    private final SqliteLedger ledger;
    private final ScheduledExecutorService sweeper;
    private volatile String lastProblem = "";

    /** @throws IllegalArgumentException on a setting out of its MetaType range, naming it */
    static void check(LedgerConfig config) {
        Ranges.require(LedgerConfig.PID + "/sweepMinutes", config.sweepMinutes(), LedgerConfig.SWEEP_MINUTES_MIN, LedgerConfig.SWEEP_MINUTES_MAX);
    }

    /**
     * @throws IOException if the data directory cannot be written
     * @throws SQLException if SQLite cannot open the file
     */
    @Activate
    public LedgerComponent(LedgerConfig config, BundleContext context) throws IOException, SQLException {
        check(config);
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        Path base = dataDir == null || dataDir.isBlank() ? Path.of("").toAbsolutePath() : Path.of(dataDir);
        ledger = SqliteLedger.open(base.resolve(config.file()).toAbsolutePath(), System::currentTimeMillis);
        sweeper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ledger-sweep"));
        sweeper.scheduleWithFixedDelay(this::sweep, 1, config.sweepMinutes(), TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
        ledger.close();
    }

    private void sweep() {
        try {
            int removed = ledger.sweep();
            LOG.debug("ledger sweep removed {} expired entries", removed);
        } catch (LedgerException e) {
            noted(e);
        }
    }

    @Override
    public Optional<LedgerEntry> get(String namespace, String key) throws LedgerException {
        try {
            return ledger.get(namespace, key);
        } catch (LedgerException e) {
            throw noted(e);
        }
    }

    @Override
    public List<LedgerEntry> entries(String namespace) throws LedgerException {
        try {
            return ledger.entries(namespace);
        } catch (LedgerException e) {
            throw noted(e);
        }
    }

    @Override
    public LedgerEntry put(String namespace, String key, byte[] value, Instant expiresAt) throws LedgerException {
        try {
            LedgerEntry entry = ledger.put(namespace, key, value, expiresAt);
            lastProblem = "";
            return entry;
        } catch (LedgerException e) {
            throw noted(e);
        }
    }

    @Override
    public Optional<LedgerEntry> compareAndSet(String namespace, String key, long expectedVersion, byte[] value, Instant expiresAt)
            throws LedgerException {
        try {
            Optional<LedgerEntry> entry = ledger.compareAndSet(namespace, key, expectedVersion, value, expiresAt);
            lastProblem = "";
            return entry;
        } catch (LedgerException e) {
            throw noted(e);
        }
    }

    @Override
    public boolean remove(String namespace, String key) throws LedgerException {
        try {
            return ledger.remove(namespace, key);
        } catch (LedgerException e) {
            throw noted(e);
        }
    }

    @Override
    public HealthReport health() {
        String problem = lastProblem;
        if (!problem.isEmpty()) {
            return new HealthReport("ledger", HealthReport.Status.DOWN, problem, Map.of("file", ledger.file().toString()));
        }
        if (ledger.replacedDamagedFile() != null) {
            return new HealthReport("ledger", HealthReport.Status.DEGRADED, "the ledger file was damaged and replaced at start; it was kept as "
                    + ledger.replacedDamagedFile() + " — copy it off for analysis, then delete it", Map.of("file", ledger.file().toString()));
        }
        return new HealthReport("ledger", HealthReport.Status.UP, "ledger writable", Map.of("file", ledger.file().toString()));
    }

    private LedgerException noted(LedgerException e) {
        if (e.reason() != LedgerException.Reason.TOO_LARGE) {
            if (!e.getMessage().equals(lastProblem)) {
                LOG.warn("{}", e.getMessage());
            }
            lastProblem = e.getMessage();
        }
        return e;
    }
}
