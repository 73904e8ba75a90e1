package cn.taihang.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.JDBC;

/**
 * Opens the SQLite file: checks it, moves a damaged one aside (kept for forensics), creates a fresh one and salvages
 * into it what is still readable of the damaged one ({@link Salvage}), sets WAL and {@code synchronous=FULL}, creates the
 * schema, seeds the sequence and gives the store its incarnation.
 *
 * <p>Incarnation: a random id made when the store file is created and kept in its {@code meta} table, sent with every
 * batch so the bridge can tell this store from another under the same gateway id (a re-flashed or cloned card). A
 * restored copy of the file keeps it — the bridge tells a restore by content (the same key with other content is a
 * conflict). A store salvaged from a damaged file keeps the damaged one's incarnation with its records.
 *
 * <p>Sequence numbers: a fresh store (first start, or after a damaged file was replaced) starts its sequence
 * above both the current time in microseconds since the epoch and the {@link SequenceReservation} kept beside the
 * file, so a replaced database does not reissue a (gateway id, seq) the bridge already recorded and would drop as a
 * duplicate — even if the clock went backwards (a Pi without RTC before NTP). The clock alone is the fallback when
 * the reservation file is lost too. The last sequence number is persisted in the {@code meta} table in the same
 * transaction as the records, so numbers are never reused after deletes or restarts.
 */
final class StoreFile {

    static final int SQLITE_CORRUPT = 11;
    static final int SQLITE_FULL = 13;
    static final int SQLITE_NOTADB = 26;
    static final String SEQ_KEY = "seq.last";
    static final String INCARNATION_KEY = "store.incarnation";

    private static final Logger LOG = LoggerFactory.getLogger(StoreFile.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final long CLOCK_PLAUSIBLE_MICROS = 1_704_067_200_000_000L; // 2024-01-01

    /**
     * The opened store.
     *
     * @param writer the one connection that writes; in auto-commit mode, transactions are begun explicitly
     * @param reader a read-only connection for claims
     * @param lastSeq the last sequence number issued
     * @param fresh whether the file was created now
     * @param keptDamagedFile where a damaged file was moved, or {@code null}
     * @param reservation the durable upper bound of issued sequence numbers, kept beside the file
     * @param incarnation the store's random incarnation id, never {@code 0}
     * @param salvaged what was salvaged from the damaged file, or {@code null} if none was found
     */
    record Opened(Connection writer, Connection reader, long lastSeq, boolean fresh, Path keptDamagedFile, SequenceReservation reservation,
                  long incarnation, Salvage.Result salvaged) {}

    private StoreFile() {
    }

    static Opened open(StoreSettings settings, LongSupplier epochMicros) throws SQLException, IOException {
        Path file = settings.file();
        Files.createDirectories(file.getParent());
        Path kept = null;
        SequenceReservation reservation = SequenceReservation.read(file);
        Connection writer;
        Salvage.Result salvaged = null;
        try {
            writer = openChecked(file, settings);
        } catch (SQLException e) {
            if (!isDamage(e)) {
                throw e;
            }
            kept = moveAside(file, epochMicros.getAsLong() / 1000);
            writer = openChecked(file, settings);
            try {
                salvaged = Salvage.copy(kept, writer);
            } catch (SQLException | RuntimeException failed) {
                writer.close();
                throw failed;
            }
            LOG.error("The store file {} is damaged ({}). It was moved to {} for analysis and a fresh store was created: {}. "
                    + "Copy the kept file off the gateway for analysis, then delete it.", file, e.getMessage(), kept, salvaged.describe());
        }
        try {
            long lastSeq;
            boolean fresh;
            long incarnation;
            try (Statement s = writer.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                Long stored = queryLong(s, "SELECT value FROM meta WHERE key = '" + SEQ_KEY + "'");
                Long highest = queryLong(s, "SELECT MAX(seq) FROM records");
                fresh = stored == null;
                if (fresh) {
                    long now = epochMicros.getAsLong();
                    if (now < CLOCK_PLAUSIBLE_MICROS) {
                        LOG.warn("The system clock reads {}; a fresh store seeds its sequence numbers from the clock. Set the "
                                + "clock (NTP) so that a replaced store cannot reuse sequence numbers.", Instant.ofEpochSecond(now / 1_000_000));
                    }
                    long salvagedSeq = salvaged == null ? 0 : salvaged.lastSeq();
                    lastSeq = Math.max(Math.max(now, Math.max(reservation.reserved(), salvagedSeq)), highest == null ? 0 : highest);
                    s.executeUpdate("INSERT INTO meta(key, value) VALUES ('" + SEQ_KEY + "', " + lastSeq + ")");
                    s.executeUpdate("INSERT OR IGNORE INTO meta(key, value) VALUES ('store.created', " + now / 1000 + ")");
                } else {
                    lastSeq = Math.max(stored, highest == null ? 0 : highest);
                }
                s.executeUpdate("INSERT OR IGNORE INTO meta(key, value) VALUES ('" + INCARNATION_KEY + "', " + newIncarnation() + ")");
                incarnation = queryLong(s, "SELECT value FROM meta WHERE key = '" + INCARNATION_KEY + "'");
                s.execute("COMMIT");
            }
            Connection reader = connect(file, settings);
            try (Statement s = reader.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            reservation.cover(lastSeq);
            return new Opened(writer, reader, lastSeq, fresh, kept, reservation, incarnation, salvaged);
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static long newIncarnation() {
        SecureRandom random = new SecureRandom();
        long id;
        do {
            id = random.nextLong() & Long.MAX_VALUE;
        } while (id == 0);
        return id;
    }

    /** @return whether the exception says the file is damaged or not a database */
    static boolean isDamage(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    /** @return whether the exception says the disk or the file cap is full */
    static boolean isFull(SQLException e) {
        return (e.getErrorCode() & 0xff) == SQLITE_FULL;
    }

    private static Connection openChecked(Path file, StoreSettings settings) throws SQLException {
        Connection c = connect(file, settings);
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new SQLException("quick_check: " + verdict, "", SQLITE_CORRUPT);
                }
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                    throw new SQLException("SQLite refused WAL mode for " + file + "; the file system may not support shared memory");
                }
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA journal_size_limit = 16777216");
            if (settings.maxFileBytes() > 0) {
                long pageSize;
                try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                    pageSize = rs.next() ? rs.getLong(1) : 4096;
                }
                s.execute("PRAGMA max_page_count = " + Math.max(16, settings.maxFileBytes() / pageSize));
            }
            s.execute("CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, priority INTEGER NOT NULL, time INTEGER NOT NULL, "
                    + "stored INTEGER NOT NULL, device TEXT NOT NULL, kind TEXT NOT NULL, body BLOB NOT NULL, size INTEGER NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS records_by_class ON records (priority, seq)");
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID");
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Connection connect(Path file, StoreSettings settings) throws SQLException {
        Properties props = new Properties();
        props.setProperty("busy_timeout", "10000");
        Connection c = new JDBC().connect(JDBC.PREFIX + file, props);
        if (c == null) {
            throw new SQLException("the SQLite driver did not accept " + file);
        }
        return c;
    }

    private static Long queryLong(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            long value = rs.getLong(1);
            return rs.wasNull() ? null : value;
        }
    }

    private static Path moveAside(Path file, long epochMillis) throws IOException {
        String stamp = STAMP.format(Instant.ofEpochMilli(epochMillis));
        Path kept = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        for (int n = 1; Files.exists(kept); n++) {
            kept = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n);
        }
        Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side)) {
                // named so that sqlite3 opening the kept file also finds its WAL
                Files.move(side, kept.resolveSibling(kept.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return kept;
    }
}
