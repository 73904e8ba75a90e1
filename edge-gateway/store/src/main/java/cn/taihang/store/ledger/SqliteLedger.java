package cn.taihang.store.ledger;

import cn.taihang.gateway.api.LedgerEntry;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.JDBC;

/**
 * The {@link LocalLedger} in its own SQLite file (WAL, {@code synchronous=FULL}: every write is durable when
 * the call returns). One connection, calls serialised; each write is one statement, so one commit. A
 * damaged file is moved aside ({@code <file>.damaged-<millis>}) and a fresh one created, with an error
 * logged: the history it held is lost, which the caller may need to know ({@link #replacedDamagedFile()}).
 */
public final class SqliteLedger implements LocalLedger, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLedger.class);
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final int MAX_KEY_CHARS = 256;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_NOTADB = 26;
    private static final String COLUMNS = "namespace, key, value, version, updated, expires";
    private static final String LIVE = "(expires IS NULL OR expires > ?)";

    private final Path file;
    private final LongSupplier clockMillis;
    private final Connection connection;
    private final Path keptDamagedFile;
    private boolean closed;

    private SqliteLedger(Path file, LongSupplier clockMillis, Connection connection, Path keptDamagedFile) {
        this.file = file;
        this.clockMillis = clockMillis;
        this.connection = connection;
        this.keptDamagedFile = keptDamagedFile;
    }

    /**
     * Opens (creating if needed) the ledger file.
     *
     * @throws IOException if the directory cannot be created or a damaged file cannot be moved aside
     * @throws SQLException if SQLite cannot open the file
     */
    public static SqliteLedger open(Path file, LongSupplier clockMillis) throws IOException, SQLException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path kept = null;
        Connection connection;
        try {
            connection = openChecked(file);
        } catch (SQLException e) {
            int code = e.getErrorCode() & 0xff;
            if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB) {
                throw e;
            }
            kept = file.resolveSibling(file.getFileName() + ".damaged-" + clockMillis.getAsLong());
            Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, kept.resolveSibling(kept.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            LOG.error("The ledger file {} is damaged ({}). It was moved to {} and an empty ledger was created: what it held (e.g. "
                    + "ticket redemptions, key ring) is lost until the bridge sends it again. Copy the kept file off the gateway for analysis.",
                    file, e.getMessage(), kept);
            connection = openChecked(file);
        }
        return new SqliteLedger(file, clockMillis, connection, kept);
    }

    private static Connection openChecked(Path file) throws SQLException {
        Properties props = new Properties();
        props.setProperty("busy_timeout", "10000");
        Connection c = new JDBC().connect(JDBC.PREFIX + file.toAbsolutePath(), props);
        if (c == null) {
            throw new SQLException("the SQLite driver did not accept " + file);
        }
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
            s.execute("CREATE TABLE IF NOT EXISTS ledger (namespace TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, "
                    + "version INTEGER NOT NULL, updated INTEGER NOT NULL, expires INTEGER, PRIMARY KEY (namespace, key)) WITHOUT ROWID");
            s.execute("CREATE INDEX IF NOT EXISTS ledger_expiry ON ledger (expires) WHERE expires IS NOT NULL");
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** @return where a damaged file was moved at open, or {@code null} if the file was sound */
    public Path replacedDamagedFile() {
        return keptDamagedFile;
    }

    /** @return the SQLite file */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<LedgerEntry> get(String namespace, String key) throws LedgerException {
        check(namespace, key);
        try (PreparedStatement s = open().prepareStatement("SELECT " + COLUMNS + " FROM ledger WHERE namespace = ? AND key = ? AND " + LIVE)) {
            s.setString(1, namespace);
            s.setString(2, key);
            s.setLong(3, clockMillis.getAsLong());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public synchronized List<LedgerEntry> entries(String namespace) throws LedgerException {
        check(namespace, "-");
        try (PreparedStatement s = open().prepareStatement("SELECT " + COLUMNS + " FROM ledger WHERE namespace = ? AND " + LIVE + " ORDER BY key")) {
            s.setString(1, namespace);
            s.setLong(2, clockMillis.getAsLong());
            List<LedgerEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public synchronized LedgerEntry put(String namespace, String key, byte[] value, Instant expiresAt) throws LedgerException {
        check(namespace, key, value);
        long now = clockMillis.getAsLong();
        String sql = "INSERT INTO ledger (" + COLUMNS + ") VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET "
                + "value = excluded.value, updated = excluded.updated, expires = excluded.expires, "
                + "version = CASE WHEN ledger.expires IS NOT NULL AND ledger.expires <= excluded.updated THEN 1 ELSE ledger.version + 1 END "
                + "RETURNING version";
        try (PreparedStatement s = open().prepareStatement(sql)) {
            bind(s, namespace, key, value, now, expiresAt);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new LedgerEntry(namespace, key, value, rs.getLong(1), Instant.ofEpochMilli(now), expiresAt);
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    @Override
    public synchronized Optional<LedgerEntry> compareAndSet(String namespace, String key, long expectedVersion, byte[] value, Instant expiresAt)
            throws LedgerException {
        check(namespace, key, value);
        long now = clockMillis.getAsLong();
        String sql = expectedVersion == 0
                ? "INSERT INTO ledger (" + COLUMNS + ") VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET "
                        + "value = excluded.value, updated = excluded.updated, expires = excluded.expires, version = 1 "
                        + "WHERE ledger.expires IS NOT NULL AND ledger.expires <= excluded.updated"
                : "UPDATE ledger SET value = ?, updated = ?, expires = ?, version = version + 1 WHERE namespace = ? AND key = ? AND version = ? AND " + LIVE;
        try (PreparedStatement s = open().prepareStatement(sql)) {
            if (expectedVersion == 0) {
                bind(s, namespace, key, value, now, expiresAt);
            } else {
                s.setBytes(1, value);
                s.setLong(2, now);
                setExpiry(s, 3, expiresAt);
                s.setString(4, namespace);
                s.setString(5, key);
                s.setLong(6, expectedVersion);
                s.setLong(7, now);
            }
            if (s.executeUpdate() != 1) {
                return Optional.empty();
            }
            return Optional.of(new LedgerEntry(namespace, key, value, expectedVersion + 1, Instant.ofEpochMilli(now), expiresAt));
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    @Override
    public synchronized boolean remove(String namespace, String key) throws LedgerException {
        check(namespace, key);
        try (PreparedStatement s = open().prepareStatement("DELETE FROM ledger WHERE namespace = ? AND key = ? AND " + LIVE)) {
            s.setString(1, namespace);
            s.setString(2, key);
            s.setLong(3, clockMillis.getAsLong());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /**
     * Deletes expired entries.
     *
     * @return how many were deleted
     */
    public synchronized int sweep() throws LedgerException {
        try (PreparedStatement s = open().prepareStatement("DELETE FROM ledger WHERE expires IS NOT NULL AND expires <= ?")) {
            s.setLong(1, clockMillis.getAsLong());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("sweep", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the ledger {} failed: {}", file, e.getMessage());
        }
    }

    private Connection open() throws LedgerException {
        if (closed) {
            throw new LedgerException(LedgerException.Reason.UNAVAILABLE, "the ledger is closed (the gateway is stopping)");
        }
        return connection;
    }

    private static void bind(PreparedStatement s, String namespace, String key, byte[] value, long now, Instant expiresAt) throws SQLException {
        s.setString(1, namespace);
        s.setString(2, key);
        s.setBytes(3, value);
        s.setLong(4, now);
        setExpiry(s, 5, expiresAt);
    }

    private static void setExpiry(PreparedStatement s, int index, Instant expiresAt) throws SQLException {
        if (expiresAt == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setLong(index, expiresAt.toEpochMilli());
        }
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        long expires = rs.getLong(6);
        Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
        return new LedgerEntry(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5)), expiresAt);
    }

    private static void check(String namespace, String key) throws LedgerException {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new LedgerException(LedgerException.Reason.TOO_LARGE, "ledger namespace must be 1-64 of [a-z0-9._-], was " + namespace);
        }
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_CHARS) {
            throw new LedgerException(LedgerException.Reason.TOO_LARGE, "ledger key must be 1-" + MAX_KEY_CHARS + " characters");
        }
    }

    private static void check(String namespace, String key, byte[] value) throws LedgerException {
        check(namespace, key);
        if (value == null || value.length > MAX_VALUE_BYTES) {
            throw new LedgerException(LedgerException.Reason.TOO_LARGE, "ledger values are 0-" + MAX_VALUE_BYTES + " bytes");
        }
    }

    private LedgerException failure(String what, SQLException e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_FULL) {
            return new LedgerException(LedgerException.Reason.FULL, "the ledger " + file + " cannot " + what + ": the disk is full; free space on the gateway", e);
        }
        return new LedgerException(LedgerException.Reason.UNAVAILABLE, "the ledger " + file + " cannot " + what + " (" + e.getMessage()
                + "); check the gateway's storage", e);
    }
}
