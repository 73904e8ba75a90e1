package cn.taihang.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the store (PID {@code cn.taihang.store}). The defaults live here and only here. */
@ObjectClassDefinition(id = StoreConfig.PID, name = "Taihang store-and-forward",
        description = "Durable SQLite store of the records waiting for the cloud bridge.")
public @interface StoreConfig {

    /** Configuration PID. */
    String PID = "cn.taihang.store";

    @AttributeDefinition(name = "Database file",
            description = "SQLite file; a relative path is resolved against the framework property taihang.data.dir "
                    + "(or the working directory when it is not set).")
    String file() default "store.db";

    @AttributeDefinition(name = "Quota (bytes)", min = "65536",
            description = "Most bytes of records kept. Beyond it the oldest records of the lowest class are evicted "
                    + "(bulk, then normal, then high; never critical).")
    long quotaBytes() default 268435456L;

    @AttributeDefinition(name = "Hard file cap (bytes)", min = "0",
            description = "Largest database file SQLite may grow to (0 = no cap beyond the disk). Reaching it is "
                    + "handled like a full disk: the publishes of that commit fail with FULL.")
    long maxFileBytes() default 0L;

    @AttributeDefinition(name = "Disk headroom (bytes)", min = "0",
            description = "New records are refused (FULL, alarm store-disk-full) while the file system has less free space "
                    + "than this, so that acknowledged records can still be deleted and the store recovers by draining "
                    + "(0 = no check; a full disk is then only met as SQLITE_FULL).")
    long minFreeDiskBytes() default 16777216L;

    @AttributeDefinition(name = "TTL critical (hours)", min = "0", description = "0 = kept until acknowledged.")
    int ttlHoursCritical() default 0;

    @AttributeDefinition(name = "TTL high (hours)", min = "0", description = "0 = kept until acknowledged.")
    int ttlHoursHigh() default 168;

    @AttributeDefinition(name = "TTL normal (hours)", min = "0", description = "0 = kept until acknowledged.")
    int ttlHoursNormal() default 168;

    @AttributeDefinition(name = "TTL bulk (hours)", min = "0", description = "0 = kept until acknowledged.")
    int ttlHoursBulk() default 24;

    @AttributeDefinition(name = "Expiry sweep (seconds)", min = "1",
            description = "How often records past their class's TTL are removed.")
    int expirySweepSeconds() default 300;

    @AttributeDefinition(name = "Most records per commit", min = "1", max = "100000",
            description = "Group commit: the writer commits up to this many queued writes in one transaction.")
    int maxBatchCommit() default 1000;

    @AttributeDefinition(name = "Most queued records", min = "1",
            description = "Records waiting for the writer; beyond it publish fails with UNAVAILABLE (disk too slow).")
    int maxQueuedRecords() default 20000;

    @AttributeDefinition(name = "Largest record body (bytes)", min = "256", max = "16384",
            description = "Larger records (encoded SenML) fail with TOO_LARGE.")
    int maxBodyBytes() default 8192;
}
