package cn.taihang.store.internal;

import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.api.worker.DaemonThreads;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's single writer thread. It takes whatever writes are queued (up to {@code maxBatchCommit}),
 * runs them as one transaction, and only after the commit completes the callers' stages (group commit).
 * Stages complete on a separate notifier thread, so callers' continuations never hold up the writer.
 */
final class Writer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

    private final GroupCommit commit;
    private final Backlog backlog;
    private final ClaimTracker tracker;
    private final StoreSettings settings;
    private final StoreStatus status;
    private final LongSupplier clockMillis;
    private final BlockingQueue<WriteTask> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedAppends = new AtomicInteger();
    private final ExecutorService notifier;
    private final Thread thread;
    private volatile Runnable recordsAvailable;
    private volatile boolean closed;
    private long lastSeq;
    private long nextSweepNanos;

    Writer(GroupCommit commit, Backlog backlog, ClaimTracker tracker, StoreSettings settings, StoreStatus status,
           LongSupplier clockMillis, long lastSeq) {
        this.commit = commit;
        this.backlog = backlog;
        this.tracker = tracker;
        this.settings = settings;
        this.status = status;
        this.clockMillis = clockMillis;
        this.lastSeq = lastSeq;
        this.notifier = Executors.newSingleThreadExecutor(DaemonThreads.named("taihang-store-notifier"));
        this.thread = DaemonThreads.named("taihang-store-writer").newThread(this::run);
        status.lastSeq(lastSeq);
    }

    void start() {
        nextSweepNanos = System.nanoTime();
        thread.start();
    }

    /** Queues an append, failing its stage at once when the writer cannot take more. */
    void append(WriteTask.Append a) {
        if (closed) {
            a.done().completeExceptionally(new OutboxException(OutboxException.Reason.UNAVAILABLE,
                    "the store is closed (the gateway is stopping or reconfiguring the store); retry shortly"));
            return;
        }
        if (queuedAppends.incrementAndGet() > settings.maxQueuedRecords()) {
            queuedAppends.decrementAndGet();
            a.done().completeExceptionally(new OutboxException(OutboxException.Reason.UNAVAILABLE, settings.maxQueuedRecords()
                    + " records already wait for the disk; the storage is too slow or stalled. Check the SD card/disk health"));
            return;
        }
        queue.add(a);
    }

    /** Queues a write other than an append. @return false when the writer is closed */
    boolean submit(WriteTask task) {
        if (closed) {
            return false;
        }
        queue.add(task);
        return true;
    }

    void onRecordsAvailable(Runnable listener) {
        recordsAvailable = listener;
    }

    private void run() {
        List<WriteTask> batch = new ArrayList<>(settings.maxBatchCommit());
        boolean stopping = false;
        while (!stopping) {
            try {
                WriteTask first = queue.poll(Math.max(1, nextSweepNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (System.nanoTime() - nextSweepNanos >= 0) {
                    nextSweepNanos = System.nanoTime() + settings.expirySweep().toNanos();
                    batch.add(new WriteTask.Expire(null));
                }
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, settings.maxBatchCommit() - batch.size());
                }
                if (batch.isEmpty()) {
                    continue;
                }
                stopping = batch.stream().anyMatch(t -> t instanceof WriteTask.Stop);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            } catch (RuntimeException e) {
                LOG.error("Store writer failed unexpectedly after a commit; the batch is stored, its callers were told, writing continues", e);
                status.failed("unexpected writer failure: " + e);
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<WriteTask> batch) {
        int appends = (int) batch.stream().filter(t -> t instanceof WriteTask.Append).count();
        queuedAppends.addAndGet(-appends);
        CommitEffects fx = new CommitEffects(backlog, lastSeq);
        try {
            commit.run(batch, fx, clockMillis.getAsLong());
        } catch (SQLException e) {
            failed(batch, e);
            return;
        } catch (RuntimeException e) {
            failed(batch, new SQLException("unexpected writer failure (" + e + "); retry, and report it if it persists", e));
            return;
        }
        committed(fx, batch);
    }

    /** Applies a commit's effects; its callers' stages complete whatever the bookkeeping throws. */
    private void committed(CommitEffects fx, List<WriteTask> batch) {
        try {
            for (WriteTask task : batch) {
                if (task instanceof WriteTask.Acknowledge k) {
                    tracker.deleted(k.seqs());
                }
            }
            account(fx);
        } finally {
            notifier.execute(() -> completeStages(fx));
        }
    }

    private void account(CommitEffects fx) {
        lastSeq = fx.lastSeq();
        backlog.apply(fx);
        for (Priority p : Priority.values()) {
            if (fx.deletedFrontUpTo(p) > 0) {
                tracker.frontDeleted(p, fx.deletedFrontUpTo(p));
            }
        }
        status.committed(fx, lastSeq, settings, backlog.totalBytes());
        if (fx.evicted() > 0) {
            status.logEviction(fx.evicted(), settings.quotaBytes());
        }
        if (fx.moreToExpire()) {
            queue.add(new WriteTask.Expire(null));
        }
        if (!fx.appended().isEmpty()) {
            Runnable listener = recordsAvailable;
            if (listener != null) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("A records-available listener failed", e);
                }
            }
        }
    }

    private void completeStages(CommitEffects fx) {
        fx.appended().forEach(c -> c.future().complete(c.value()));
        fx.counters().forEach(c -> c.future().complete(c.value()));
        fx.expiries().forEach(c -> c.future().complete(c.value()));
        fx.refusedFull().forEach(a -> a.done().completeExceptionally(new OutboxException(OutboxException.Reason.FULL,
                "the store's quota of " + settings.quotaBytes() + " bytes is full of records that may not be evicted for a "
                        + a.priority() + " record; restore the uplink so the backlog drains, or raise quotaBytes of "
                        + StoreConfig.PID)));
        fx.refusedDisk().forEach(a -> a.done().completeExceptionally(new OutboxException(OutboxException.Reason.FULL,
                "the gateway's disk has only " + fx.freeDiskBytes() + " bytes free, less than minFreeDiskBytes "
                        + settings.minFreeDiskBytes() + " of " + StoreConfig.PID + "; free space on the gateway's storage "
                        + "(draining the backlog frees some)")));
    }

    private void failed(List<WriteTask> batch, SQLException e) {
        boolean full = StoreFile.isFull(e);
        boolean damaged = StoreFile.isDamage(e);
        status.writeFailed(e, full, damaged);
        OutboxException refusal = full
                ? new OutboxException(OutboxException.Reason.FULL, "the disk (or maxFileBytes of " + StoreConfig.PID
                        + ") is full; free space on the gateway's storage", e)
                : new OutboxException(OutboxException.Reason.UNAVAILABLE, "the store could not write: " + e.getMessage()
                        + (damaged ? "; the file is damaged, restart the gateway service so it is replaced" : ""), e);
        List<WriteTask> others = new ArrayList<>();
        for (WriteTask task : batch) {
            if (task instanceof WriteTask.Append a) {
                notifier.execute(() -> a.done().completeExceptionally(refusal));
            } else if (!(task instanceof WriteTask.Stop)) {
                others.add(task);
            }
        }
        if (full && !others.isEmpty() && others.size() < batch.size()) {
            process(others);
            return;
        }
        for (WriteTask task : others) {
            if (task instanceof WriteTask.Acknowledge k) {
                tracker.deleted(k.seqs());
            } else if (task instanceof WriteTask.Increment i) {
                notifier.execute(() -> i.done().completeExceptionally(
                        new IllegalStateException("the store could not write counter " + i.name() + ": " + e.getMessage(), e)));
            } else if (task instanceof WriteTask.Expire x && x.done() != null) {
                notifier.execute(() -> x.done().completeExceptionally(e));
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(new WriteTask.Stop());
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<WriteTask> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(t -> {
            if (t instanceof WriteTask.Append a) {
                a.done().completeExceptionally(new OutboxException(OutboxException.Reason.UNAVAILABLE, "the store closed before the record was written"));
            }
        });
        notifier.shutdown();
        try {
            notifier.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
