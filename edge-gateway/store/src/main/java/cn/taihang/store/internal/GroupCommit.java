package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Runs queued writes as one transaction on the writer connection: appends (with quota eviction, refused while the
 * disk's free space is below the headroom), acknowledgement deletes, counter increments and expiry. Used by the
 * writer thread only.
 */
final class GroupCommit implements AutoCloseable {

    /** Eviction order: least important first; CRITICAL is never evicted. */
    private static final Priority[] EVICTION_ORDER = {Priority.BULK, Priority.NORMAL, Priority.HIGH};
    private static final int FRONT_PAGE = 256;
    private static final int EXPIRE_PER_COMMIT = 5000;
    private static final long UNMEASURED = Long.MIN_VALUE;
    /** Acknowledged records deleted per statement. */
    private static final int DELETE_CHUNK = 64;

    private final Connection c;
    private final StoreSettings settings;
    private final SequenceReservation reservation;
    private final LongSupplier freeDiskBytes;
    private final BooleanSupplier expiryAllowed;
    private long freeNow;
    private PreparedStatement insert;
    private PreparedStatement deleteMany;
    private PreparedStatement front;
    private PreparedStatement deleteFront;
    private PreparedStatement counter;
    private PreparedStatement saveSeq;
    private PreparedStatement saveClock;
    private Statement control;
    private boolean prepared;

    /** @param expiryAllowed whether expiry may run now (not while the wall clock is unsynchronised) */
    GroupCommit(Connection c, StoreSettings settings, SequenceReservation reservation, LongSupplier freeDiskBytes,
                BooleanSupplier expiryAllowed) throws SQLException {
        this.c = c;
        this.settings = settings;
        this.reservation = reservation;
        this.freeDiskBytes = freeDiskBytes;
        this.expiryAllowed = expiryAllowed;
        prepare();
    }

    /** (Re)creates the statements: the driver closes a statement whose execution failed. */
    private void prepare() throws SQLException {
        closeStatements();
        control = c.createStatement();
        insert = c.prepareStatement("INSERT INTO records (seq, priority, time, stored, device, kind, body, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        deleteMany = c.prepareStatement("DELETE FROM records WHERE seq IN (" + "?,".repeat(DELETE_CHUNK - 1) + "?) RETURNING seq, priority, size");
        front = c.prepareStatement("SELECT seq, size, stored FROM records WHERE priority = ? ORDER BY seq LIMIT ?");
        deleteFront = c.prepareStatement("DELETE FROM records WHERE priority = ? AND seq <= ?");
        counter = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value");
        saveSeq = c.prepareStatement("UPDATE meta SET value = ? WHERE key = '" + StoreFile.SEQ_KEY + "'");
        saveClock = StoreClock.prepareSave(c);
        prepared = true;
    }

    /**
     * Runs and commits the tasks; on failure rolls back and throws.
     *
     * @param fx collects the effects, applied by the caller after the commit
     * @param nowMillis the store time ({@link StoreClock}), persisted with the commit
     */
    void run(List<WriteTask> tasks, CommitEffects fx, long nowMillis) throws SQLException {
        long seqBefore = fx.lastSeq();
        if (!prepared) {
            prepare();
        }
        freeNow = UNMEASURED;
        try {
            control.execute("BEGIN IMMEDIATE");
            for (WriteTask task : tasks) {
                if (task instanceof WriteTask.Append a) {
                    append(a, fx, nowMillis);
                } else if (task instanceof WriteTask.Acknowledge k) {
                    acknowledge(k.seqs(), fx);
                } else if (task instanceof WriteTask.Increment i) {
                    fx.counter(i.done(), increment(i.name()));
                } else if (task instanceof WriteTask.Expire e) {
                    expire(e, fx, nowMillis);
                }
            }
            for (Priority p : fx.frontChanged()) {
                fx.oldest(p, Backlog.oldestStored(c, p));
            }
            if (fx.lastSeq() != seqBefore) {
                saveSeq.setLong(1, fx.lastSeq());
                saveSeq.executeUpdate();
                reservation.cover(fx.lastSeq());
            }
            StoreClock.save(saveClock, nowMillis);
            control.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            prepared = false;
            try (Statement rollback = c.createStatement()) {
                rollback.execute("ROLLBACK");
            } catch (SQLException alreadyRolledBack) {
                // SQLite rolls back by itself after e.g. SQLITE_FULL: nothing left to undo
            }
            throw e;
        }
    }

    private void append(WriteTask.Append a, CommitEffects fx, long nowMillis) throws SQLException {
        if (settings.minFreeDiskBytes() > 0) {
            if (freeNow == UNMEASURED) {
                freeNow = freeDiskBytes.getAsLong() + reusableBytes();
            }
            boolean alarmInHeadroom = a.isAlarm() && freeNow >= settings.minFreeDiskBytes() / 2;
            if (freeNow < settings.minFreeDiskBytes() && !alarmInHeadroom) {
                fx.refusedDisk(a, freeNow);
                return;
            }
        }
        if (!makeRoom(a, fx, settings.quotaBytes())
                && !(a.isAlarm() && makeRoom(a, fx, settings.quotaBytes() + settings.alarmReserveBytes()))) {
            fx.refusedFull(a);
            return;
        }
        long seq = fx.nextSeq();
        insert.setLong(1, seq);
        insert.setInt(2, a.priority().code());
        insert.setLong(3, a.timeMillis());
        insert.setLong(4, nowMillis);
        insert.setString(5, a.device());
        insert.setString(6, a.kind());
        insert.setBytes(7, a.body());
        insert.setLong(8, a.size());
        insert.executeUpdate();
        fx.appended(a, seq);
    }

    /** @return bytes of pages inside the file that deletes freed and new records will reuse (SQLite never shrinks the file) */
    private long reusableBytes() throws SQLException {
        long pages;
        long pageSize;
        try (ResultSet rs = control.executeQuery("PRAGMA freelist_count")) {
            pages = rs.next() ? rs.getLong(1) : 0;
        }
        try (ResultSet rs = control.executeQuery("PRAGMA page_size")) {
            pageSize = rs.next() ? rs.getLong(1) : 4096;
        }
        return pages * pageSize;
    }

    /**
     * Evicts the oldest records of classes no more important than the incoming one, never CRITICAL, so that the
     * record fits under {@code limitBytes}; evicts nothing if it cannot fit.
     */
    private boolean makeRoom(WriteTask.Append a, CommitEffects fx, long limitBytes) throws SQLException {
        long need = fx.totalBytes() + a.size() - limitBytes;
        if (need <= 0) {
            return true;
        }
        long evictable = 0;
        for (Priority p : EVICTION_ORDER) {
            if (p.ordinal() >= a.priority().ordinal()) {
                evictable += fx.bytes(p);
            }
        }
        if (evictable < need) {
            return false;
        }
        for (Priority p : EVICTION_ORDER) {
            while (need > 0 && p.ordinal() >= a.priority().ordinal() && fx.records(p) > 0) {
                long[] freed = deleteFront(p, need, Long.MAX_VALUE);
                if (freed[0] == 0) {
                    break;
                }
                fx.evicted(p, freed[0], freed[1], freed[2]);
                need -= freed[1];
            }
        }
        return need <= 0;
    }

    /**
     * Deletes records from the front (oldest) of a class until {@code bytes} are freed or a record stored at or
     * after {@code storedBefore} is reached, at most one page.
     *
     * @return {count, bytes, highest deleted seq}
     */
    private long[] deleteFront(Priority p, long bytes, long storedBefore) throws SQLException {
        long count = 0;
        long freed = 0;
        long upTo = -1;
        front.setInt(1, p.code());
        front.setInt(2, FRONT_PAGE);
        try (ResultSet rs = front.executeQuery()) {
            while (freed < bytes && rs.next() && rs.getLong(3) < storedBefore) {
                upTo = rs.getLong(1);
                freed += rs.getLong(2);
                count++;
            }
        }
        if (count > 0) {
            deleteFront.setInt(1, p.code());
            deleteFront.setLong(2, upTo);
            deleteFront.executeUpdate();
        }
        return new long[] {count, freed, upTo};
    }

    /** Deletes acknowledged records, {@value #DELETE_CHUNK} per statement (unused places hold -1, which no record has). */
    private void acknowledge(long[] seqs, CommitEffects fx) throws SQLException {
        for (int from = 0; from < seqs.length; from += DELETE_CHUNK) {
            for (int i = 0; i < DELETE_CHUNK; i++) {
                deleteMany.setLong(i + 1, from + i < seqs.length ? seqs[from + i] : -1);
            }
            try (ResultSet rs = deleteMany.executeQuery()) {
                while (rs.next()) {
                    fx.acknowledged(Priority.ofCode(rs.getInt(2)), rs.getLong(1), rs.getLong(3));
                }
            }
        }
    }

    private long increment(String name) throws SQLException {
        counter.setString(1, "counter." + name);
        try (ResultSet rs = counter.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("counter " + name + " returned no value");
            }
            return rs.getLong(1);
        }
    }

    private void expire(WriteTask.Expire e, CommitEffects fx, long nowMillis) throws SQLException {
        int removed = 0;
        boolean more = false;
        if (!expiryAllowed.getAsBoolean()) {
            fx.expiry(e.done(), 0, false);
            return;
        }
        for (Priority p : Priority.values()) {
            Duration ttl = settings.ttl().get(p);
            if (ttl.isZero()) {
                continue;
            }
            long cutoff = nowMillis - ttl.toMillis();
            while (true) {
                long[] gone = deleteFront(p, Long.MAX_VALUE, cutoff);
                if (gone[0] > 0) {
                    fx.expired(p, gone[0], gone[1], gone[2]);
                    removed += (int) gone[0];
                }
                if (gone[0] < FRONT_PAGE) {
                    break;
                }
                if (removed >= EXPIRE_PER_COMMIT) {
                    more = true;
                    break;
                }
            }
        }
        fx.expiry(e.done(), removed, more);
    }

    private void closeStatements() {
        for (Statement s : new Statement[] {insert, deleteMany, front, deleteFront, counter, saveSeq, saveClock, control}) {
            if (s != null) {
                try {
                    s.close();
                } catch (SQLException e) {
                    // closing a statement the driver already closed
                }
            }
        }
    }

    @Override
    public void close() {
        closeStatements();
    }
}
