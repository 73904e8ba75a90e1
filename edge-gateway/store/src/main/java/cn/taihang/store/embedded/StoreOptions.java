package cn.taihang.store.embedded;

import cn.taihang.store.internal.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What an {@link EmbeddedStore} opens: a file, the MetaType defaults of {@code cn.taihang.store} for everything not
 * named, and a clock. Immutable; each {@code with…} returns a changed copy and validates at once.
 */
public final class StoreOptions {

    private final StoreSettings settings;
    private final Clock clock;

    private StoreOptions(StoreSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param file the SQLite file (its directory is created at open); a relative path is taken from the working directory
     * @return the MetaType defaults with this file and the system UTC clock
     */
    public static StoreOptions defaults(Path file) {
        return new StoreOptions(StoreSettings.defaults(Objects.requireNonNull(file, "file")), Clock.systemUTC());
    }

    /**
     * @param quotaBytes most bytes of records kept, at least 1
     * @param maxFileBytes SQLite's hard cap on the file, 0 for none
     * @return these options with another quota
     * @throws IllegalArgumentException if a value is out of range
     */
    public StoreOptions withQuota(long quotaBytes, long maxFileBytes) {
        return new StoreOptions(settings.withQuota(quotaBytes, maxFileBytes), clock);
    }

    /**
     * @param records most queued writes committed in one transaction, at least 1
     * @return these options with another group-commit size
     * @throws IllegalArgumentException if out of range
     */
    public StoreOptions withMaxBatchCommit(int records) {
        return new StoreOptions(settings.withMaxBatchCommit(records), clock);
    }

    /**
     * @param storeClock the clock for storage times and expiry (a simulated clock plays hours in seconds), not {@code null}
     * @return these options with another clock
     */
    public StoreOptions withClock(Clock storeClock) {
        return new StoreOptions(settings, Objects.requireNonNull(storeClock, "clock"));
    }

    /** @return the SQLite file, absolute */
    public Path file() {
        return settings.file();
    }

    /** @return most bytes of records kept */
    public long quotaBytes() {
        return settings.quotaBytes();
    }

    StoreSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "StoreOptions[" + settings.file() + ", quota " + settings.quotaBytes() + " bytes, " + settings.maxBatchCommit() + "/commit]";
    }
}
