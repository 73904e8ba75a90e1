package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.StoredRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * The in-memory side of draining: which records are in flight, read through a read-only connection.
 *
 * <p>Claims go by class, then sequence. A cursor per class remembers the highest sequence number claimed since
 * the last release, so a claim reads only records it returns: every record of a class above its cursor is
 * pending (sequence numbers grow and a commit is seen whole), every one at or below it is in flight or gone.
 * Acknowledged records wait in {@code deleting} until their delete is committed, so that a release in between
 * cannot hand them out again; the writer takes every acknowledged sequence out of {@code deleting} once the delete
 * is committed or has failed, whether or not the delete found the record (a repeated acknowledgement, an acknowledgement
 * of an evicted record), so that {@code deleting} holds only the acknowledgements queued.
 */
final class ClaimTracker implements AutoCloseable {

    private final Connection reader;
    private final PreparedStatement page;
    private final long[] cursor = new long[Priority.values().length];
    private final Map<Long, Priority> inFlight = new HashMap<>();
    private final Set<Long> deleting = new HashSet<>();
    private final LongUnaryOperator storedToWall;
    private volatile int inFlightCount;

    /** @param storedToWall turns a storage time (store time, {@link StoreClock}) into the wall-clock time a claim reports */
    ClaimTracker(Connection reader, LongUnaryOperator storedToWall) throws SQLException {
        this.reader = reader;
        this.storedToWall = storedToWall;
        this.page = reader.prepareStatement("SELECT seq, time, stored, device, kind, body FROM records "
                + "WHERE priority = ? AND seq > ? ORDER BY seq LIMIT ?");
    }

    synchronized List<StoredRecord> claim(int max) throws SQLException {
        if (max <= 0) {
            throw new IllegalArgumentException("claim needs a positive maximum, was " + max);
        }
        List<StoredRecord> claimed = new ArrayList<>(Math.min(max, 1024));
        for (Priority p : Priority.values()) {
            while (claimed.size() < max) {
                int want = max - claimed.size();
                int read = 0;
                page.setInt(1, p.code());
                page.setLong(2, cursor[p.ordinal()]);
                page.setInt(3, want);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        long seq = rs.getLong(1);
                        cursor[p.ordinal()] = seq;
                        if (deleting.contains(seq)) {
                            continue;
                        }
                        inFlight.put(seq, p);
                        claimed.add(new StoredRecord(seq, p, rs.getLong(2), storedToWall.applyAsLong(rs.getLong(3)), rs.getString(4), rs.getString(5),
                                rs.getBytes(6)));
                    }
                }
                if (read < want) {
                    break;
                }
            }
        }
        inFlightCount = inFlight.size();
        return claimed;
    }

    /** Records the bridge acknowledged leave the in-flight set; their delete is now queued. */
    synchronized void acknowledging(long[] seqs) {
        for (long seq : seqs) {
            inFlight.remove(seq);
            deleting.add(seq);
        }
        inFlightCount = inFlight.size();
    }

    /** @return acknowledged sequence numbers whose delete is queued and not yet committed */
    synchronized int deleting() {
        return deleting.size();
    }

    /** Called after a commit (or its failure): the deletes of these acknowledged records are done, found or not. */
    synchronized void deleted(long[] seqs) {
        for (long seq : seqs) {
            deleting.remove(seq);
        }
    }

    /** Called after a commit: records of a class up to a sequence number were evicted or expired. */
    synchronized void frontDeleted(Priority p, long upToSeq) {
        Iterator<Map.Entry<Long, Priority>> it = inFlight.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Priority> e = it.next();
            if (e.getValue() == p && e.getKey() <= upToSeq) {
                it.remove();
            }
        }
        inFlightCount = inFlight.size();
    }

    synchronized void releaseAll() {
        inFlight.clear();
        inFlightCount = 0;
        Arrays.fill(cursor, 0);
    }

    /** @return how many records are in flight; does not wait for a running claim */
    int inFlight() {
        return inFlightCount;
    }

    @Override
    public synchronized void close() throws SQLException {
        page.close();
        reader.close();
    }
}
