package cn.taihang.store.internal;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The store's figures and alarms, and the health report made from them. */
final class StoreStatus {

    private static final Logger LOG = LoggerFactory.getLogger(StoreStatus.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Path file;
    private final Path keptDamagedFile;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong recordsCommitted = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong refusedFull = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private volatile long lastSeq;
    private volatile boolean fullAlarm;
    private volatile boolean diskFull;
    private volatile boolean damaged;
    private volatile String failure;
    private volatile boolean closed;
    private long lastEvictionLog;
    private long lastFailureLog;
    private boolean evictionLogged;
    private boolean failureLogged;

    StoreStatus(Path file, Path keptDamagedFile) {
        this.file = file;
        this.keptDamagedFile = keptDamagedFile;
    }

    void lastSeq(long seq) {
        lastSeq = seq;
    }

    /** Called by the writer after each commit; the full alarm clears once records were stored or space was freed. */
    void committed(CommitEffects fx, long seq) {
        commits.incrementAndGet();
        recordsCommitted.addAndGet(fx.appended().size());
        evicted.addAndGet(fx.evicted());
        expired.addAndGet(fx.expired());
        lastSeq = seq;
        failure = null;
        if (!fx.appended().isEmpty()) {
            diskFull = false;
        }
        if (!fx.refusedFull().isEmpty()) {
            refusedFull.addAndGet(fx.refusedFull().size());
            if (!fullAlarm) {
                LOG.error("ALARM: the store is full of records that may not be evicted; new records are refused. Restore the "
                        + "uplink so the backlog drains, or raise quotaBytes of {}", StoreConfig.PID);
            }
            fullAlarm = true;
        } else if (!fx.appended().isEmpty() || !fx.acknowledged().isEmpty() || fx.expired() > 0) {
            fullAlarm = false;
        }
    }

    void logEviction(long count, long quotaBytes) {
        long now = System.nanoTime();
        if (!evictionLogged || now - lastEvictionLog > LOG_EVERY_NANOS) {
            LOG.warn("The store reached its quota of {} bytes and evicted {} of its oldest low-priority records "
                    + "(repeats are logged at most every 10 minutes; see the store health for the total)", quotaBytes, count);
            evictionLogged = true;
            lastEvictionLog = now;
        }
    }

    void writeFailed(SQLException e, boolean full, boolean damage) {
        writeFailures.incrementAndGet();
        diskFull |= full;
        damaged |= damage;
        failure = e.getMessage();
        long now = System.nanoTime();
        if (!failureLogged || now - lastFailureLog > LOG_EVERY_NANOS) {
            LOG.error("The store could not commit a batch ({}); its publishes failed and writing goes on "
                    + "(repeats are logged at most every 10 minutes)", e.getMessage(), e);
            failureLogged = true;
            lastFailureLog = now;
        }
    }

    void failed(String message) {
        writeFailures.incrementAndGet();
        failure = message;
    }

    void closed() {
        closed = true;
    }

    long commits() {
        return commits.get();
    }

    long recordsCommitted() {
        return recordsCommitted.get();
    }

    HealthReport health(Backlog backlog, int inFlight, StoreSettings settings) {
        Map<String, Object> details = new LinkedHashMap<>();
        long used = backlog.totalBytes();
        int percent = (int) Math.min(100, used * 100 / settings.quotaBytes());
        details.put("file", file.toString());
        details.put("quotaBytes", settings.quotaBytes());
        details.put("usedBytes", used);
        details.put("usedPercent", percent);
        details.put("records", backlog.totalRecords());
        details.put("inFlight", inFlight);
        for (Map.Entry<Priority, ClassBacklog> e : backlog.snapshot().entrySet()) {
            String name = e.getKey().name().toLowerCase(Locale.ROOT);
            details.put(name + ".records", e.getValue().records());
            details.put(name + ".bytes", e.getValue().bytes());
            details.put(name + ".oldestMillis", e.getValue().oldestMillis());
        }
        details.put("commits", commits.get());
        details.put("recordsCommitted", recordsCommitted.get());
        details.put("evicted", evicted.get());
        details.put("expired", expired.get());
        details.put("refusedFull", refusedFull.get());
        details.put("writeFailures", writeFailures.get());
        details.put("lastSeq", lastSeq);
        if (keptDamagedFile != null) {
            details.put("keptDamagedFile", keptDamagedFile.toString());
        }
        String lastFailure = failure;
        if (lastFailure != null) {
            details.put("lastFailure", lastFailure);
        }
        return new HealthReport("store", status(percent, lastFailure), summary(percent, used, settings, lastFailure), details);
    }

    private HealthReport.Status status(int percent, String lastFailure) {
        if (closed || damaged || fullAlarm || diskFull || lastFailure != null) {
            return HealthReport.Status.DOWN;
        }
        return keptDamagedFile != null || percent >= 90 ? HealthReport.Status.DEGRADED : HealthReport.Status.UP;
    }

    private String summary(int percent, long used, StoreSettings settings, String lastFailure) {
        if (closed) {
            return "Store closed: the gateway is stopping or the store is being reconfigured.";
        }
        if (damaged) {
            return "Store file " + file + " is damaged (" + lastFailure + "). Restart the gateway service: the damaged file is "
                    + "moved aside and a fresh store is created.";
        }
        if (fullAlarm) {
            return "ALARM: store full (" + used + " of " + settings.quotaBytes() + " bytes) of records that may not be evicted; "
                    + "new records are refused. Restore the uplink so the backlog drains, or raise quotaBytes of " + StoreConfig.PID + ".";
        }
        if (diskFull) {
            return "Disk full: the store cannot grow (file " + file + "). Free space on the gateway's storage"
                    + (settings.maxFileBytes() > 0 ? " or raise maxFileBytes of " + StoreConfig.PID : "") + ".";
        }
        if (lastFailure != null) {
            return "Store cannot write (" + lastFailure + "). Check the storage (SD card/disk) of the gateway.";
        }
        if (keptDamagedFile != null) {
            return "At start the store file was damaged; it was kept as " + keptDamagedFile + " and a fresh store is in use. "
                    + "Copy the kept file off for analysis and delete it; this notice clears at the next restart.";
        }
        if (percent >= 90) {
            return "Store " + percent + "% full; the oldest low-priority records are being evicted. Restore the uplink.";
        }
        return "Store OK: " + used + " bytes waiting (" + percent + "% of quota).";
    }
}
