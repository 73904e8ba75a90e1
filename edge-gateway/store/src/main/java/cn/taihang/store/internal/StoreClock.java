package cn.taihang.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The store's own time for storage times and expiry: the time the store has been running, in milliseconds, persisted in the
 * {@code meta} table with every commit (the age at the last boot) and advanced by a monotonic clock while it runs. A
 * wall-clock step (NTP correcting a Pi that booted days behind) therefore neither ages records nor makes them young.
 * Records age only while the gateway runs, so none expires before it has really aged; expiry also waits while the wall
 * clock is not known to be synchronised.
 *
 * <p>A file without the key (created before this clock) starts it at its newest storage time, which were wall-clock times.
 */
final class StoreClock {

    /** The {@code meta} key of the store time at the last commit. */
    static final String KEY = "clock.storeMillis";

    private final Clock wall;
    private final LongSupplier monotonicNanos;
    private final BooleanSupplier synchronised;
    private final long baseMillis;
    private final long baseNanos;

    private StoreClock(Clock wall, LongSupplier monotonicNanos, BooleanSupplier synchronised, long baseMillis) {
        this.wall = wall;
        this.monotonicNanos = monotonicNanos;
        this.synchronised = synchronised;
        this.baseMillis = baseMillis;
        this.baseNanos = monotonicNanos.getAsLong();
    }

    /**
     * Reads the store time persisted in the file.
     *
     * @param writer the writer connection, outside a transaction
     * @param wall the wall clock, for times shown to people
     * @param monotonicNanos a clock that never steps ({@link System#nanoTime()} on a gateway)
     * @param synchronised whether the wall clock is known to be synchronised now
     */
    static StoreClock load(Connection writer, Clock wall, LongSupplier monotonicNanos, BooleanSupplier synchronised) throws SQLException {
        long base;
        try (Statement s = writer.createStatement();
             ResultSet kept = s.executeQuery("SELECT value FROM meta WHERE key = '" + KEY + "'")) {
            if (kept.next()) {
                base = kept.getLong(1);
            } else {
                try (ResultSet newest = s.executeQuery("SELECT MAX(stored) FROM records")) {
                    base = Math.max(wall.millis(), newest.next() ? newest.getLong(1) : 0);
                }
            }
        }
        return new StoreClock(wall, monotonicNanos, synchronised, base);
    }

    /**
     * A clock that is itself the truth for ages (a test's or simulation's clock, which plays hours in seconds and also runs
     * while the store is closed): store time is its time, always synchronised.
     */
    static StoreClock trusting(Clock clock) {
        return new StoreClock(clock, () -> clock.millis() * 1_000_000L, () -> true, clock.millis());
    }

    /** @return the store time now, ms */
    long nowMillis() {
        return baseMillis + (monotonicNanos.getAsLong() - baseNanos) / 1_000_000;
    }

    /** @return whether records may expire now: only while the wall clock is known to be synchronised */
    boolean expiryAllowed() {
        return synchronised.getAsBoolean();
    }

    /**
     * @param storeMillis a storage time in store time, or 0 for none
     * @return the wall-clock time that many ms of running ago (so that ages shown are real ages), or 0 for 0
     */
    long toWallMillis(long storeMillis) {
        return storeMillis == 0 ? 0 : wall.millis() - Math.max(0, nowMillis() - storeMillis);
    }

    /** @return the statement that persists the store time within a commit ({@link #save}) */
    static PreparedStatement prepareSave(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO meta (key, value) VALUES ('" + KEY + "', ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)");
    }

    /** Persists the store time, inside the caller's transaction. */
    static void save(PreparedStatement save, long storeMillis) throws SQLException {
        save.setLong(1, storeMillis);
        save.executeUpdate();
    }
}
