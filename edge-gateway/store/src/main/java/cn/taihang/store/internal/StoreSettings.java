package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.api.config.Ranges;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The store's settings, validated, with the file resolved.
 *
 * @param file the SQLite file
 * @param quotaBytes most bytes of records kept
 * @param maxFileBytes SQLite's hard cap on the file, 0 for none
 * @param ttl time to live per class, {@link Duration#ZERO} = until acknowledged
 * @param expirySweep how often expired records are removed
 * @param maxBatchCommit most queued writes per transaction
 * @param maxQueuedRecords most records waiting for the writer
 * @param maxBodyBytes largest encoded body
 * @param minFreeDiskBytes free space the file system must keep for new records to be taken, 0 = no check
 */
public record StoreSettings(Path file, long quotaBytes, long maxFileBytes, Map<Priority, Duration> ttl, Duration expirySweep,
                            int maxBatchCommit, int maxQueuedRecords, int maxBodyBytes, long minFreeDiskBytes) {

    /**
     * Validates. A configuration's quota is at least {@link StoreConfig#QUOTA_BYTES_MIN} ({@link #from}); tests and benchmarks may
     * size the quota freely above zero. @throws IllegalArgumentException on a value out of range
     */
    public StoreSettings {
        Objects.requireNonNull(file, "file");
        ttl = Map.copyOf(ttl);
        if (quotaBytes < 1 || maxFileBytes < 0 || maxQueuedRecords < 1 || expirySweep.isNegative() || expirySweep.isZero() || minFreeDiskBytes < 0) {
            throw new IllegalArgumentException("store settings out of range: quotaBytes >= 1, maxFileBytes >= 0, maxQueuedRecords >= 1, "
                    + "expirySweep > 0, minFreeDiskBytes >= 0");
        }
        Ranges.require("maxBatchCommit", maxBatchCommit, StoreConfig.MAX_BATCH_COMMIT_MIN, StoreConfig.MAX_BATCH_COMMIT_MAX);
        Ranges.require("maxBodyBytes", maxBodyBytes, StoreConfig.MAX_BODY_BYTES_MIN, StoreConfig.MAX_BODY_BYTES_MAX);
        for (Priority p : Priority.values()) {
            if (ttl.get(p) == null || ttl.get(p).isNegative()) {
                throw new IllegalArgumentException("a TTL >= 0 is needed for every class, missing or negative for " + p);
            }
        }
    }

    /**
     * @param config the configuration
     * @param dataDir the directory a relative {@code file} is resolved against
     */
    public static StoreSettings from(StoreConfig config, Path dataDir) {
        Ranges.require("quotaBytes", config.quotaBytes(), StoreConfig.QUOTA_BYTES_MIN, Long.MAX_VALUE);
        Map<Priority, Duration> ttl = new EnumMap<>(Priority.class);
        ttl.put(Priority.CRITICAL, Duration.ofHours(config.ttlHoursCritical()));
        ttl.put(Priority.HIGH, Duration.ofHours(config.ttlHoursHigh()));
        ttl.put(Priority.NORMAL, Duration.ofHours(config.ttlHoursNormal()));
        ttl.put(Priority.BULK, Duration.ofHours(config.ttlHoursBulk()));
        return new StoreSettings(dataDir.resolve(config.file()).toAbsolutePath(), config.quotaBytes(), config.maxFileBytes(), ttl,
                Duration.ofSeconds(config.expirySweepSeconds()), config.maxBatchCommit(), config.maxQueuedRecords(), config.maxBodyBytes(),
                config.minFreeDiskBytes());
    }

    /**
     * The MetaType defaults (read from {@link StoreConfig}, so they are written in one place) with another file.
     *
     * @param file the SQLite file
     */
    public static StoreSettings defaults(Path file) {
        StoreConfig config = (StoreConfig) Proxy.newProxyInstance(StoreConfig.class.getClassLoader(), new Class<?>[] {StoreConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
        StoreSettings settings = from(config, file.toAbsolutePath().getParent());
        return settings.withFile(file.toAbsolutePath());
    }

    /**
     * Room above the quota that only critical alarm records may use (1/64 of the quota, at least 16 KiB), so that the
     * store-full alarm itself, and safety alarms raised while critical records fill the quota, still reach the bridge.
     *
     * @return the reserve in bytes
     */
    public long alarmReserveBytes() {
        return Math.max(16 * 1024, quotaBytes / 64);
    }

    /** @return these settings with another file */
    public StoreSettings withFile(Path newFile) {
        return new StoreSettings(newFile, quotaBytes, maxFileBytes, ttl, expirySweep, maxBatchCommit, maxQueuedRecords, maxBodyBytes,
                minFreeDiskBytes);
    }

    /** @return these settings with another quota */
    public StoreSettings withQuota(long bytes, long fileCap) {
        return new StoreSettings(file, bytes, fileCap, ttl, expirySweep, maxBatchCommit, maxQueuedRecords, maxBodyBytes, minFreeDiskBytes);
    }

    /** @return these settings with another TTL for one class */
    public StoreSettings withTtl(Priority priority, Duration timeToLive) {
        Map<Priority, Duration> changed = new EnumMap<>(ttl);
        changed.put(priority, timeToLive);
        return new StoreSettings(file, quotaBytes, maxFileBytes, changed, expirySweep, maxBatchCommit, maxQueuedRecords, maxBodyBytes,
                minFreeDiskBytes);
    }

    /** @return these settings with another free-space headroom (0 = no check) */
    public StoreSettings withDiskHeadroom(long bytes) {
        return new StoreSettings(file, quotaBytes, maxFileBytes, ttl, expirySweep, maxBatchCommit, maxQueuedRecords, maxBodyBytes, bytes);
    }

    /** @return these settings with another group-commit size */
    public StoreSettings withMaxBatchCommit(int records) {
        return new StoreSettings(file, quotaBytes, maxFileBytes, ttl, expirySweep, records, maxQueuedRecords, maxBodyBytes, minFreeDiskBytes);
    }
}
