package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Records and bytes per class, kept in memory: read from the database once at start, then changed only by
 * the writer after each commit, so that reading the backlog never touches the disk.
 */
final class Backlog {

    private final long[] records = new long[Priority.values().length];
    private final long[] bytes = new long[Priority.values().length];
    private final long[] oldest = new long[Priority.values().length];
    private final LongUnaryOperator toWallMillis;

    /** @param toWallMillis turns a storage time (store time, {@link StoreClock}) into the wall-clock time the snapshot shows */
    Backlog(LongUnaryOperator toWallMillis) {
        this.toWallMillis = toWallMillis;
    }

    /** Loads the figures from the database. */
    synchronized void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT priority, COUNT(*), COALESCE(SUM(size), 0) FROM records GROUP BY priority")) {
            while (rs.next()) {
                int p = rs.getInt(1);
                if (p >= 0 && p < records.length) {
                    records[p] = rs.getLong(2);
                    bytes[p] = rs.getLong(3);
                }
            }
        }
        for (Priority p : Priority.values()) {
            oldest[p.ordinal()] = oldestStored(c, p);
        }
    }

    /** @return when the oldest record of a class was stored (store time), 0 when the class is empty */
    static long oldestStored(Connection c, Priority p) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT stored FROM records WHERE priority = " + p.code() + " ORDER BY seq LIMIT 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Applies the changes of one committed transaction. */
    synchronized void apply(CommitEffects fx) {
        for (Priority p : Priority.values()) {
            int i = p.ordinal();
            records[i] += fx.recordDelta(p);
            bytes[i] += fx.byteDelta(p);
            Long newOldest = fx.oldest(p);
            if (newOldest != null) {
                oldest[i] = newOldest;
            }
        }
    }

    synchronized long records(Priority p) {
        return records[p.ordinal()];
    }

    synchronized long bytes(Priority p) {
        return bytes[p.ordinal()];
    }

    synchronized long totalBytes() {
        long sum = 0;
        for (long b : bytes) {
            sum += b;
        }
        return sum;
    }

    synchronized long totalRecords() {
        long sum = 0;
        for (long r : records) {
            sum += r;
        }
        return sum;
    }

    synchronized Map<Priority, ClassBacklog> snapshot() {
        Map<Priority, ClassBacklog> map = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            int i = p.ordinal();
            map.put(p, new ClassBacklog(records[i], bytes[i], toWallMillis.applyAsLong(oldest[i])));
        }
        return map;
    }
}
