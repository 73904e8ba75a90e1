package cn.taihang.store.internal;

import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private final long[] evictedByClass = new long[Priority.values().length];
    private final long[] expiredByClass = new long[Priority.values().length];
    private final Map<StoreCondition, String> conditions = new EnumMap<>(StoreCondition.class);
    private volatile long lastSeq;
    private volatile boolean fullAlarm;
    private volatile boolean diskFull;
    private volatile boolean damaged;
    private volatile String failure;
    private volatile StoreCondition.Listener listener;
    private volatile boolean closed;
    private long lastEvictionLog;
    private long lastFailureLog;
    private boolean evictionLogged;
    private boolean failureLogged;

    StoreStatus(Path file, Path keptDamagedFile, String salvaged) {
        this.file = file;
        this.keptDamagedFile = keptDamagedFile;
        if (keptDamagedFile != null) {
            conditions.put(StoreCondition.FILE_REPLACED, "The store file " + file + " was damaged at start; it was kept as "
                    + keptDamagedFile + " and a fresh store is in use: " + salvaged + ". Copy the kept file off for analysis, then delete it.");
        }
    }

    /** Sets the listener and tells it of every condition active now. */
    void watch(StoreCondition.Listener newListener) {
        Map<StoreCondition, String> now;
        synchronized (conditions) {
            listener = newListener;
            now = new EnumMap<>(conditions);
        }
        if (newListener != null) {
            now.forEach((c, detail) -> tell(newListener, c, true, detail));
        }
    }

    /** @return the conditions active now */
    Set<StoreCondition> conditions() {
        synchronized (conditions) {
            return conditions.isEmpty() ? EnumSet.noneOf(StoreCondition.class) : EnumSet.copyOf(conditions.keySet());
        }
    }

    private void condition(StoreCondition c, boolean active, String detail) {
        StoreCondition.Listener l;
        synchronized (conditions) {
            boolean was = conditions.containsKey(c);
            if (was == active) {
                return;
            }
            if (active) {
                conditions.put(c, detail);
            } else {
                conditions.remove(c);
            }
            l = listener;
        }
        if (l != null) {
            tell(l, c, active, detail);
        }
    }

    private static void tell(StoreCondition.Listener l, StoreCondition c, boolean active, String detail) {
        try {
            l.changed(c, active, detail);
        } catch (RuntimeException e) {
            LOG.warn("A store condition listener failed on {}: {}", c, e.toString());
        }
    }

    void lastSeq(long seq) {
        lastSeq = seq;
    }

    /** Called by the writer after each commit; the full alarm clears once records were stored or space was freed. */
    void committed(CommitEffects fx, long seq, StoreSettings settings, long usedBytes) {
        commits.incrementAndGet();
        recordsCommitted.addAndGet(fx.appended().size());
        evicted.addAndGet(fx.evicted());
        expired.addAndGet(fx.expired());
        synchronized (evictedByClass) {
            for (Priority p : Priority.values()) {
                evictedByClass[p.ordinal()] += fx.evicted(p);
                expiredByClass[p.ordinal()] += fx.expired(p);
            }
        }
        lastSeq = seq;
        failure = null;
        if (!fx.refusedDisk().isEmpty()) {
            refusedFull.addAndGet(fx.refusedDisk().size());
            if (!diskFull) {
                diskFull = true;
                LOG.error("ALARM: the disk holding {} has only {} bytes free, less than minFreeDiskBytes {}; new records are refused "
                        + "until space is freed", file, fx.freeDiskBytes(), settings.minFreeDiskBytes());
                condition(StoreCondition.DISK_FULL, true, "网关磁盘将满 Disk nearly full: " + fx.freeDiskBytes() + " bytes free on the "
                        + "disk of " + file + ", less than minFreeDiskBytes " + settings.minFreeDiskBytes() + " of " + StoreConfig.PID
                        + "; new records are refused. Free space on the gateway's storage (draining the backlog frees some).");
            }
        } else if (!fx.appended().isEmpty() && diskFull) {
            diskFull = false;
            condition(StoreCondition.DISK_FULL, false, "records are stored again");
        }
        if (!fx.refusedFull().isEmpty()) {
            refusedFull.addAndGet(fx.refusedFull().size());
            if (!fullAlarm) {
                LOG.error("ALARM: the store is full of records that may not be evicted; new records are refused. Restore the "
                        + "uplink so the backlog drains, or raise quotaBytes of {}", StoreConfig.PID);
                fullAlarm = true;
                condition(StoreCondition.QUOTA_FULL, true, "网关存储已满 Store full: " + usedBytes + " of " + settings.quotaBytes()
                        + " bytes hold records that may not be evicted; new records are refused. Restore the uplink so the backlog "
                        + "drains, or raise quotaBytes of " + StoreConfig.PID + ".");
            }
        } else if (fullAlarm && (!fx.appended().isEmpty() || !fx.acknowledged().isEmpty() || fx.expired() > 0)) {
            fullAlarm = false;
            condition(StoreCondition.QUOTA_FULL, false, "space was freed");
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
        failure = e.getMessage();
        if (full && !diskFull) {
            diskFull = true;
            condition(StoreCondition.DISK_FULL, true, "网关磁盘已满 Disk full: the store file " + file + " cannot grow and new "
                    + "records are refused. Free space on the gateway's storage (or raise maxFileBytes of " + StoreConfig.PID + ").");
        }
        if (damage && !damaged) {
            damaged = true;
            condition(StoreCondition.DAMAGED, true, "网关存储文件损坏 Store file damaged: " + file + " (" + e.getMessage()
                    + "). Restart the gateway service: the damaged file is moved aside and a fresh store is created.");
        }
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
        synchronized (evictedByClass) {
            for (Priority p : Priority.values()) {
                String name = p.name().toLowerCase(Locale.ROOT);
                details.put(name + ".evicted", evictedByClass[p.ordinal()]);
                details.put(name + ".expired", expiredByClass[p.ordinal()]);
            }
        }
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
            return "Disk full (or below minFreeDiskBytes " + settings.minFreeDiskBytes() + "): new records are refused (file " + file
                    + "). Free space on the gateway's storage" + (settings.maxFileBytes() > 0 ? " or raise maxFileBytes of " + StoreConfig.PID : "")
                    + "; draining the backlog frees some.";
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
