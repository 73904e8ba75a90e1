package cn.taihang.store.internal;

import cn.taihang.gateway.api.Priority;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What one transaction changes, collected while it runs and applied to the in-memory state (backlog,
 * in-flight set, waiting callers) only once it has committed. A rolled-back transaction is simply dropped.
 */
final class CommitEffects {

    /** A completed wait: the future and the value it completes with. */
    record Completion<T>(CompletableFuture<T> future, T value) {}

    private static final int CLASSES = Priority.values().length;

    private final long[] baseRecords = new long[CLASSES];
    private final long[] baseBytes = new long[CLASSES];
    private final long[] recordDelta = new long[CLASSES];
    private final long[] byteDelta = new long[CLASSES];
    private final Long[] oldest = new Long[CLASSES];
    private final long[] deletedFrontUpTo = new long[CLASSES];
    private final long[] evictedByClass = new long[CLASSES];
    private final long[] expiredByClass = new long[CLASSES];
    private final Set<Priority> frontChanged = EnumSet.noneOf(Priority.class);
    private final List<Completion<Long>> appended = new ArrayList<>();
    private final List<Completion<Long>> counters = new ArrayList<>();
    private final List<Completion<Integer>> expiries = new ArrayList<>();
    private final List<WriteTask.Append> refusedFull = new ArrayList<>();
    private final List<WriteTask.Append> refusedDisk = new ArrayList<>();
    private long freeDiskBytes = -1;
    private final List<Long> acknowledged = new ArrayList<>();
    private long lastSeq;
    private long evicted;
    private long expired;
    private boolean moreToExpire;

    CommitEffects(Backlog backlog, long lastSeq) {
        for (Priority p : Priority.values()) {
            baseRecords[p.ordinal()] = backlog.records(p);
            baseBytes[p.ordinal()] = backlog.bytes(p);
        }
        this.lastSeq = lastSeq;
    }

    long nextSeq() {
        return ++lastSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** @return the bytes of a class as this transaction sees them */
    long bytes(Priority p) {
        return baseBytes[p.ordinal()] + byteDelta[p.ordinal()];
    }

    /** @return the records of a class as this transaction sees them */
    long records(Priority p) {
        return baseRecords[p.ordinal()] + recordDelta[p.ordinal()];
    }

    long totalBytes() {
        long sum = 0;
        for (Priority p : Priority.values()) {
            sum += bytes(p);
        }
        return sum;
    }

    void appended(WriteTask.Append a, long seq) {
        if (records(a.priority()) == 0) {
            frontChanged.add(a.priority());
        }
        change(a.priority(), 1, a.size());
        appended.add(new Completion<>(a.done(), seq));
    }

    void acknowledged(Priority p, long seq, long size) {
        change(p, -1, -size);
        acknowledged.add(seq);
        frontChanged.add(p);
    }

    void evicted(Priority p, long count, long size, long upToSeq) {
        frontDeleted(p, count, size, upToSeq);
        evicted += count;
        evictedByClass[p.ordinal()] += count;
    }

    void expired(Priority p, long count, long size, long upToSeq) {
        frontDeleted(p, count, size, upToSeq);
        expired += count;
        expiredByClass[p.ordinal()] += count;
    }

    private void frontDeleted(Priority p, long count, long size, long upToSeq) {
        change(p, -count, -size);
        deletedFrontUpTo[p.ordinal()] = Math.max(deletedFrontUpTo[p.ordinal()], upToSeq);
        frontChanged.add(p);
    }

    private void change(Priority p, long records, long size) {
        recordDelta[p.ordinal()] += records;
        byteDelta[p.ordinal()] += size;
    }

    void refusedFull(WriteTask.Append a) {
        refusedFull.add(a);
    }

    void refusedDisk(WriteTask.Append a, long freeBytes) {
        refusedDisk.add(a);
        freeDiskBytes = freeBytes;
    }

    /** @return appends refused because the disk's free space is below the headroom */
    List<WriteTask.Append> refusedDisk() {
        return refusedDisk;
    }

    /** @return the free space measured when appends were refused for it, or -1 */
    long freeDiskBytes() {
        return freeDiskBytes;
    }

    void counter(CompletableFuture<Long> done, long value) {
        counters.add(new Completion<>(done, value));
    }

    void expiry(CompletableFuture<Integer> done, int count, boolean more) {
        if (done != null) {
            expiries.add(new Completion<>(done, count));
        }
        moreToExpire |= more;
    }

    void oldest(Priority p, long storedMillis) {
        oldest[p.ordinal()] = storedMillis;
    }

    Set<Priority> frontChanged() {
        return frontChanged;
    }

    long recordDelta(Priority p) {
        return recordDelta[p.ordinal()];
    }

    long byteDelta(Priority p) {
        return byteDelta[p.ordinal()];
    }

    /** @return the new oldest storage time of a class, or {@code null} if unchanged */
    Long oldest(Priority p) {
        return oldest[p.ordinal()];
    }

    /** @return the highest sequence number deleted from the front of a class (eviction, expiry), 0 if none */
    long deletedFrontUpTo(Priority p) {
        return deletedFrontUpTo[p.ordinal()];
    }

    List<Completion<Long>> appended() {
        return appended;
    }

    List<Completion<Long>> counters() {
        return counters;
    }

    List<Completion<Integer>> expiries() {
        return expiries;
    }

    List<WriteTask.Append> refusedFull() {
        return refusedFull;
    }

    List<Long> acknowledged() {
        return acknowledged;
    }

    long evicted() {
        return evicted;
    }

    long expired() {
        return expired;
    }

    long evicted(Priority p) {
        return evictedByClass[p.ordinal()];
    }

    long expired(Priority p) {
        return expiredByClass[p.ordinal()];
    }

    boolean moreToExpire() {
        return moreToExpire;
    }
}
