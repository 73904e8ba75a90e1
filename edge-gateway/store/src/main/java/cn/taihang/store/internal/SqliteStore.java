package cn.taihang.store.internal;

import cn.taihang.gateway.api.HealthIndicator;
import cn.taihang.gateway.api.HealthReport;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.OutboxException;
import cn.taihang.gateway.api.Priority;
import cn.taihang.gateway.spi.ClassBacklog;
import cn.taihang.gateway.spi.DurableCounters;
import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.gateway.spi.StoredRecord;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable store-and-forward in one SQLite file (WAL, {@code synchronous=FULL}), without any OSGi: the
 * {@link StoreComponent} is a thin adapter around it. Thread-safe.
 *
 * <p>Writes go through one writer thread doing group commit ({@link Writer}); claims read through a separate
 * read-only connection ({@link ClaimTracker}); the backlog is kept in memory ({@link Backlog}).
 */
public final class SqliteStore implements Outbox, RecordQueue, DurableCounters, HealthIndicator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    private static final long COUNTER_TIMEOUT_SECONDS = 30;

    private final StoreSettings settings;
    private final StoreClock clock;
    private final SenmlCodec senml = new SenmlCodec();
    private final Backlog backlog;
    private final StoreStatus status;
    private final GroupCommit commit;
    private final ClaimTracker tracker;
    private final Writer writer;
    private final StoreFile.Opened opened;

    private SqliteStore(StoreSettings settings, StoreClock clock, StoreFile.Opened opened, LongSupplier freeDiskBytes) throws SQLException {
        this.settings = settings;
        this.clock = clock;
        this.opened = opened;
        this.backlog = new Backlog(clock::toWallMillis);
        this.status = new StoreStatus(settings.file(), opened.keptDamagedFile(), opened.salvaged() == null ? "" : opened.salvaged().describe());
        backlog.load(opened.writer());
        this.commit = new GroupCommit(opened.writer(), settings, opened.reservation(), freeDiskBytes, clock::expiryAllowed);
        this.tracker = new ClaimTracker(opened.reader(), clock::toWallMillis);
        this.writer = new Writer(commit, backlog, tracker, settings, status, clock::nowMillis, opened.lastSeq());
        writer.start();
    }

    /**
     * Opens (or creates) the store on the system clock, taking it as synchronised. A damaged file is moved aside and
     * replaced, see {@link StoreFile}.
     *
     * @throws IOException if the directory cannot be created or a damaged file cannot be moved
     * @throws SQLException if SQLite cannot open the file for another reason (permissions, disk)
     */
    public static SqliteStore open(StoreSettings settings) throws IOException, SQLException {
        return open(settings, Clock.systemUTC(), System::nanoTime, () -> true);
    }

    /**
     * As {@link #open(StoreSettings)}, with a clock that is both the wall clock and the measure of elapsed time (a test's or a
     * simulation's clock, which plays hours in seconds), taken as synchronised.
     */
    public static SqliteStore open(StoreSettings settings, Clock clock) throws IOException, SQLException {
        return open(settings, clock, usableSpace(settings));
    }

    /**
     * As {@link #open(StoreSettings)}, with the clocks of a gateway.
     *
     * @param wall the wall clock (record ages shown, the sequence seed of a fresh store)
     * @param monotonicNanos a clock that never steps, measuring how long records have been kept ({@link System#nanoTime()})
     * @param clockSynchronised whether the wall clock is known synchronised now; nothing expires while it is not
     */
    public static SqliteStore open(StoreSettings settings, Clock wall, LongSupplier monotonicNanos, BooleanSupplier clockSynchronised)
            throws IOException, SQLException {
        return open(settings, wall, writer -> StoreClock.load(writer, wall, monotonicNanos, clockSynchronised), usableSpace(settings));
    }

    /** As {@link #open(StoreSettings, Clock)}, with a measure of the disk's free space (tests). */
    static SqliteStore open(StoreSettings settings, Clock clock, LongSupplier freeDiskBytes) throws IOException, SQLException {
        return open(settings, clock, writer -> StoreClock.trusting(clock), freeDiskBytes);
    }

    /** Reads (or makes) the store's clock once the file is open. */
    private interface ClockLoader {
        StoreClock load(Connection writer) throws SQLException;
    }

    private static SqliteStore open(StoreSettings settings, Clock wall, ClockLoader clockLoader, LongSupplier freeDiskBytes)
            throws IOException, SQLException {
        StoreFile.Opened opened = StoreFile.open(settings, () -> ChronoUnit.MICROS.between(Instant.EPOCH, wall.instant()));
        try {
            SqliteStore store = new SqliteStore(settings, clockLoader.load(opened.writer()), opened, freeDiskBytes);
            LOG.info("Store open: {} ({} records waiting, last sequence {}, incarnation {}{})", settings.file(), store.backlog.totalRecords(),
                    opened.lastSeq(), Long.toHexString(opened.incarnation()), opened.fresh() ? ", fresh" : "");
            return store;
        } catch (SQLException | RuntimeException e) {
            opened.writer().close();
            opened.reader().close();
            throw e;
        }
    }

    private static LongSupplier usableSpace(StoreSettings settings) throws IOException {
        FileStore disk = Files.getFileStore(Files.createDirectories(settings.file().toAbsolutePath().getParent()));
        return () -> usableSpace(disk);
    }

    private static long usableSpace(FileStore disk) {
        try {
            return disk.getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public CompletionStage<Long> publish(OutboundRecord record) {
        Objects.requireNonNull(record, "record");
        CompletableFuture<Long> done = new CompletableFuture<>();
        byte[] body;
        try {
            body = senml.encodeCbor(record.measurements().stream().map(SqliteStore::senml).toList());
        } catch (IllegalArgumentException e) {
            done.completeExceptionally(new OutboxException(OutboxException.Reason.TOO_LARGE, "record of " + record.device()
                    + " cannot be encoded: " + e.getMessage(), e));
            return done;
        }
        if (body.length > settings.maxBodyBytes()) {
            done.completeExceptionally(new OutboxException(OutboxException.Reason.TOO_LARGE, "record " + record.kind() + " of "
                    + record.device() + " is " + body.length + " bytes encoded, more than maxBodyBytes " + settings.maxBodyBytes()
                    + "; split it into several records"));
            return done;
        }
        writer.append(new WriteTask.Append(record.priority(), record.time().toEpochMilli(), record.device(), record.kind(), body, done));
        return done;
    }

    private static SenmlRecord senml(Measurement m) {
        return new SenmlRecord(m.name(), m.unit(), m.number(), m.text(), m.flag(), null, 0);
    }

    @Override
    public List<StoredRecord> claim(int max) {
        try {
            return tracker.claim(max);
        } catch (SQLException e) {
            LOG.warn("Claiming records failed ({}); nothing is sent until the next attempt", e.getMessage());
            return List.of();
        }
    }

    @Override
    public void acknowledge(long[] seqs) {
        if (seqs.length == 0) {
            return;
        }
        long[] copy = seqs.clone();
        tracker.acknowledging(copy);
        if (!writer.submit(new WriteTask.Acknowledge(copy))) {
            tracker.deleted(copy);
        }
    }

    @Override
    public long incarnation() {
        return opened.incarnation();
    }

    @Override
    public void releaseAll() {
        tracker.releaseAll();
    }

    @Override
    public int inFlight() {
        return tracker.inFlight();
    }

    @Override
    public Map<Priority, ClassBacklog> backlog() {
        return backlog.snapshot();
    }

    @Override
    public void onRecordsAvailable(Runnable listener) {
        writer.onRecordsAvailable(listener);
    }

    @Override
    public long incrementAndGet(String name) {
        Objects.requireNonNull(name, "name");
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!writer.submit(new WriteTask.Increment(name, done))) {
            throw new IllegalStateException("the store is closed; counter " + name + " cannot be incremented");
        }
        try {
            return done.get(COUNTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while incrementing counter " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("counter " + name + " could not be incremented durably: " + e.getMessage(), e);
        }
    }

    /**
     * Removes expired records now instead of at the next sweep.
     *
     * @return a stage completing with how many were removed
     */
    public CompletionStage<Integer> expireNow() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        if (!writer.submit(new WriteTask.Expire(done))) {
            done.completeExceptionally(new IllegalStateException("the store is closed"));
        }
        return done;
    }

    @Override
    public HealthReport health() {
        return status.health(backlog, tracker.inFlight(), settings);
    }

    /**
     * Sets who hears of the store's conditions (full, disk full, damaged, file replaced); it is told at once of those
     * active now. Called on the writer thread: the listener must return quickly.
     *
     * @param listener the listener, or {@code null} to remove it
     */
    public void watch(StoreCondition.Listener listener) {
        status.watch(listener);
    }

    /** @return the conditions active now */
    public java.util.Set<StoreCondition> conditions() {
        return status.conditions();
    }

    /** @return acknowledged sequence numbers whose delete is not committed yet (bounded by the acknowledgements queued) */
    int pendingDeletes() {
        return tracker.deleting();
    }

    /** @return transactions committed since open */
    public long commits() {
        return status.commits();
    }

    /** @return records committed since open */
    public long recordsCommitted() {
        return status.recordsCommitted();
    }

    /** @return the database file */
    public Path file() {
        return settings.file();
    }

    /** Writes what is queued, then closes the file. Later publishes fail with UNAVAILABLE. */
    @Override
    public void close() {
        writer.close();
        status.closed();
        commit.close();
        try {
            tracker.close();
            opened.writer().close();
        } catch (SQLException e) {
            LOG.warn("Closing the store file {} failed: {}", settings.file(), e.getMessage());
        }
    }
}
