package cn.taihang.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the store (PID {@code cn.taihang.store}). The defaults live here and only here. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = StoreConfig.PID, name = "%store.name",
        description = "%store.description")
public @interface StoreConfig {

    /** Configuration PID. */
    String PID = "cn.taihang.store";

    @AttributeDefinition(name = "%store.file.name",
            description = "%store.file.description")
    String file() default "store.db";

    /** Smallest quota a gateway may be configured with, bytes. */
    long QUOTA_BYTES_MIN = 65_536L;

    @AttributeDefinition(name = "%store.quotaBytes.name", min = "" + QUOTA_BYTES_MIN,
            description = "%store.quotaBytes.description")
    long quotaBytes() default 268435456L;

    @AttributeDefinition(name = "%store.maxFileBytes.name", min = "0",
            description = "%store.maxFileBytes.description")
    long maxFileBytes() default 0L;

    @AttributeDefinition(name = "%store.minFreeDiskBytes.name", min = "0",
            description = "%store.minFreeDiskBytes.description")
    long minFreeDiskBytes() default 16777216L;

    @AttributeDefinition(name = "%store.ttlHoursCritical.name", min = "0", description = "%store.ttlHoursCritical.description")
    int ttlHoursCritical() default 0;

    @AttributeDefinition(name = "%store.ttlHoursHigh.name", min = "0", description = "%store.ttlHoursHigh.description")
    int ttlHoursHigh() default 168;

    @AttributeDefinition(name = "%store.ttlHoursNormal.name", min = "0", description = "%store.ttlHoursNormal.description")
    int ttlHoursNormal() default 168;

    @AttributeDefinition(name = "%store.ttlHoursBulk.name", min = "0", description = "%store.ttlHoursBulk.description")
    int ttlHoursBulk() default 24;

    @AttributeDefinition(name = "%store.expirySweepSeconds.name", min = "1",
            description = "%store.expirySweepSeconds.description")
    int expirySweepSeconds() default 300;

    /** Fewest records per commit. */
    int MAX_BATCH_COMMIT_MIN = 1;
    /** Most records per commit. */
    int MAX_BATCH_COMMIT_MAX = 100_000;

    @AttributeDefinition(name = "%store.maxBatchCommit.name", min = "" + MAX_BATCH_COMMIT_MIN, max = "" + MAX_BATCH_COMMIT_MAX,
            description = "%store.maxBatchCommit.description")
    int maxBatchCommit() default 1000;

    @AttributeDefinition(name = "%store.maxQueuedRecords.name", min = "1",
            description = "%store.maxQueuedRecords.description")
    int maxQueuedRecords() default 20000;

    /** Smallest limit on a record body, bytes. */
    int MAX_BODY_BYTES_MIN = 256;
    /** Largest limit on a record body, bytes. */
    int MAX_BODY_BYTES_MAX = 16 * 1024;

    @AttributeDefinition(name = "%store.maxBodyBytes.name", min = "" + MAX_BODY_BYTES_MIN, max = "" + MAX_BODY_BYTES_MAX,
            description = "%store.maxBodyBytes.description")
    int maxBodyBytes() default 8192;
}
