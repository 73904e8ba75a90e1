package cn.taihang.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.sqlite.SQLiteConfig;

/**
 * Copies what can still be read from a damaged store file into the fresh one: every readable record (all of them are
 * unacknowledged — acknowledged ones are deleted) with its sequence number, class, times, device, kind and body, and the
 * {@code meta} rows (the store's incarnation, durable counters) except the last sequence number, which is returned as a
 * floor for the fresh store's sequence instead.
 *
 * <p>The damaged file is opened read-only. Records are read by a scan in sequence order that, when it hits an unreadable
 * page, resumes further on (at growing distances until a seek succeeds); then every sequence number listed in the
 * {@code records_by_class} index (a separate b-tree, often intact) but not yet copied is looked up on its own. A record
 * listed in the index and readable by neither way counts as unreadable; records on damaged pages that the index does not
 * list either cannot be counted ({@link Result#indexComplete()} says whether the count is complete).
 */
final class Salvage {

    private static final String COLUMNS = "seq, priority, time, stored, device, kind, body, size";
    private static final int MAX_RESUMES = 4096;
    private static final long MAX_SKIP = 1L << 20;

    /**
     * What was salvaged.
     *
     * @param records records copied into the fresh store
     * @param unreadable records the damaged file's index lists that could not be read
     * @param indexComplete whether the index could be read to its end (else {@code unreadable} is a lower bound)
     * @param lastSeq the damaged file's last issued sequence number, or {@code 0} if unreadable
     * @param failure why the damaged file could not be opened at all, or {@code null}
     */
    record Result(int records, int unreadable, boolean indexComplete, long lastSeq, String failure) {

        /** @return one sentence for the log and the alarm */
        String describe() {
            if (failure != null) {
                return "nothing could be salvaged from it (" + failure + ")";
            }
            return records + " unacknowledged records were salvaged into the fresh store and will be sent with their original "
                    + "sequence numbers; " + (indexComplete ? unreadable + " records were unreadable and are lost"
                    : "how many were unreadable is not known (the file's index is unreadable too)");
        }
    }

    private Salvage() {
    }

    /**
     * @param damaged the damaged file (already moved aside; its {@code -wal} beside it)
     * @param fresh the fresh store's writer connection, schema created, in auto-commit mode
     * @return what was copied; never throws for damage of the damaged file
     * @throws SQLException if writing into the fresh store fails
     */
    static Result copy(Path damaged, Connection fresh) throws SQLException {
        Connection source;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            source = config.createConnection(org.sqlite.JDBC.PREFIX + damaged);
        } catch (SQLException e) {
            return new Result(0, 0, false, 0, e.getMessage());
        }
        try (source; Statement begin = fresh.createStatement()) {
            begin.execute("BEGIN IMMEDIATE");
            try {
                long lastSeq = copyMeta(source, fresh);
                Set<Long> copied = new HashSet<>();
                TreeSet<Long> listed = new TreeSet<>();
                boolean indexComplete = readIndex(source, listed);
                try (PreparedStatement insert = fresh.prepareStatement("INSERT OR IGNORE INTO records (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    long first = listed.isEmpty() ? firstSeq(source) : listed.first();
                    long last = Math.max(lastSeq, listed.isEmpty() ? first + MAX_SKIP * MAX_RESUMES : listed.last());
                    scan(source, insert, copied, first, last);
                    int unreadable = 0;
                    for (long seq : listed) {
                        if (!copied.contains(seq) && !lookUp(source, insert, seq, copied)) {
                            unreadable++;
                        }
                    }
                    begin.execute("COMMIT");
                    return new Result(copied.size(), unreadable, indexComplete, lastSeq, null);
                }
            } catch (WriteFailed e) {
                begin.execute("ROLLBACK");
                throw (SQLException) e.getCause();
            } catch (SQLException | RuntimeException e) {
                begin.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static long firstSeq(Connection source) {
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(seq) FROM records")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException unreadable) {
            return 0;
        }
    }

    private static long copyMeta(Connection source, Connection fresh) {
        long lastSeq = 0;
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
            while (rs.next()) {
                if (StoreFile.SEQ_KEY.equals(rs.getString(1))) {
                    lastSeq = rs.getLong(2);
                } else {
                    write(fresh, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException unreadable) {
            // what was read is kept; the rest of meta is lost with the page it was on
        }
        return lastSeq;
    }

    private static boolean readIndex(Connection source, TreeSet<Long> listed) {
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SELECT seq FROM records INDEXED BY records_by_class")) {
            while (rs.next()) {
                listed.add(rs.getLong(1));
            }
            return true;
        } catch (SQLException unreadable) {
            return false;
        }
    }

    /** Scans in sequence order from {@code first - 1}, resuming past unreadable pages up to {@code last}. */
    private static void scan(Connection source, PreparedStatement insert, Set<Long> copied, long first, long last) throws SQLException {
        long after = first - 1;
        long skip = 1;
        for (int resumes = 0; resumes < MAX_RESUMES && after < last; resumes++) {
            PreparedStatement read;
            try {
                read = source.prepareStatement("SELECT " + COLUMNS + " FROM records WHERE seq > ? ORDER BY seq");
            } catch (SQLException schemaUnreadable) {
                return;
            }
            try (read) {
                read.setLong(1, after);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = copyRow(rs, insert, copied);
                        skip = 1;
                    }
                    return;
                }
            } catch (SQLException unreadable) {
                after += skip;
                skip = Math.min(skip * 2, MAX_SKIP);
            }
        }
    }

    private static boolean lookUp(Connection source, PreparedStatement insert, long seq, Set<Long> copied) {
        try (PreparedStatement read = source.prepareStatement("SELECT " + COLUMNS + " FROM records WHERE seq = ?")) {
            read.setLong(1, seq);
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    copyRow(rs, insert, copied);
                    return true;
                }
                return false;
            }
        } catch (SQLException unreadable) {
            return false;
        }
    }

    /** Reads one row of the damaged file (a failure there is an SQLException) and inserts it (a failure there is not). */
    private static long copyRow(ResultSet rs, PreparedStatement insert, Set<Long> copied) throws SQLException {
        Object[] row = new Object[8];
        for (int i = 0; i < row.length; i++) {
            row[i] = i == 6 ? rs.getBytes(i + 1) : rs.getObject(i + 1);
        }
        try {
            for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 1, row[i]);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new WriteFailed(e);
        }
        long seq = ((Number) row[0]).longValue();
        copied.add(seq);
        return seq;
    }

    private static void write(Connection fresh, String sql, String key, long value) {
        try (PreparedStatement insert = fresh.prepareStatement(sql)) {
            insert.setString(1, key);
            insert.setLong(2, value);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new WriteFailed(e);
        }
    }

    /** A failure to write the fresh store, told apart from the damaged file's read failures. */
    private static final class WriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailed(SQLException cause) {
            super(cause);
        }
    }
}
