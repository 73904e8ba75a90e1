package cn.taihang.simulator.bench;

import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.store.embedded.EmbeddedStore;
import cn.taihang.store.embedded.StoreOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Durable ingest: the store taking a hub's records (publish until every stage completed = committed with WAL and
 * {@code synchronous=FULL}) against the {@code sqlite3} command-line tool inserting the same rows into the same
 * schema in 1000-row transactions with {@code synchronous=FULL}, on the same disk, rounds alternating.
 */
final class StoreBench {

    /** One measured run. */
    record Run(String what, long rows, double seconds, long commits) {
        double rate() {
            return rows / seconds;
        }
    }

    private static final String SCHEMA = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, priority INTEGER NOT NULL, time INTEGER NOT NULL,
              stored INTEGER NOT NULL, device TEXT NOT NULL, kind TEXT NOT NULL, body BLOB NOT NULL, size INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS records_by_class ON records (priority, seq);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO meta (key, value) VALUES ('seq.last', 0);
            """;

    private final Path dir;
    private final BenchRows rows;
    private final int window;
    private final int batchCommit;

    StoreBench(Path dir, BenchRows rows, int window, int batchCommit) {
        this.dir = dir;
        this.rows = rows;
        this.window = window;
        this.batchCommit = batchCommit;
    }

    /** The store, publishing with up to {@code window} records waiting for their commit. */
    Run store(int round) throws Exception {
        Path file = fresh("store-" + round).resolve("store.db");
        StoreOptions options = StoreOptions.defaults(file).withQuota(1L << 40, 0).withMaxBatchCommit(batchCommit);
        try (EmbeddedStore store = EmbeddedStore.open(options)) {
            Semaphore permits = new Semaphore(window);
            AtomicLong failed = new AtomicLong();
            List<OutboundRecord> records = rows.records();
            long t0 = System.nanoTime();
            for (OutboundRecord r : records) {
                permits.acquire();
                store.outbox().publish(r).whenComplete((seq, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                    permits.release();
                });
            }
            permits.acquire(window);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " records were refused by the store; see the log");
            }
            return new Run("taihang store, group commit (window " + window + ", up to " + batchCommit + "/commit)", records.size(), seconds,
                    store.commits());
        }
    }

    /** The store with one record per commit: publish, wait, publish (the disk's fsync rate shows). */
    Run storeOneByOne(int round, int count) throws Exception {
        Path file = fresh("single-" + round).resolve("store.db");
        try (EmbeddedStore store = EmbeddedStore.open(StoreOptions.defaults(file).withQuota(1L << 40, 0))) {
            List<OutboundRecord> records = rows.records().subList(0, Math.min(count, rows.records().size()));
            long t0 = System.nanoTime();
            for (OutboundRecord r : records) {
                store.outbox().publish(r).toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            return new Run("taihang store, one record per commit", records.size(), (System.nanoTime() - t0) / 1e9, store.commits());
        }
    }

    /** The sqlite3 tool running the same rows as a script of 1000-row transactions. */
    Run sqlite3(int round) throws IOException, InterruptedException {
        Path run = fresh("sqlite3-" + round);
        Path db = run.resolve("records.db");
        Path schema = run.resolve("schema.sql");
        Path script = run.resolve("insert.sql");
        Files.writeString(schema, SCHEMA, StandardCharsets.UTF_8);
        Files.writeString(script, "PRAGMA synchronous = FULL;\n" + rows.insertScript(System.currentTimeMillis() * 1000, System.currentTimeMillis(), 1000),
                StandardCharsets.UTF_8);
        sqlite(db, schema);
        long t0 = System.nanoTime();
        sqlite(db, script);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Run("sqlite3 " + sqliteVersion() + ", 1000-row transactions", rows.records().size(), seconds,
                (rows.records().size() + 999) / 1000);
    }

    private static void sqlite(Path db, Path script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", "-bail", db.toString()).redirectInput(script.toFile()).redirectErrorStream(true)
                .redirectOutput(script.resolveSibling(script.getFileName() + ".out").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("sqlite3 failed on " + script + "; see " + script.getFileName() + ".out");
        }
    }

    private static String sqliteVersion() {
        try {
            Process p = new ProcessBuilder("sqlite3", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return v.isEmpty() ? "" : v.split(" ")[0];
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Path fresh(String name) throws IOException {
        Path p = dir.resolve(name);
        if (Files.exists(p)) {
            try (Stream<Path> files = Files.walk(p)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        return Files.createDirectories(p);
    }

    /** @return the median run by rate */
    static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::rate));
        return sorted.get(sorted.size() / 2);
    }

    /** @return how many records of each class the rows hold, for the report */
    String mix() {
        long[] n = new long[4];
        rows.records().forEach(r -> n[r.priority().ordinal()]++);
        return String.format("%d critical, %d high, %d normal, %d bulk", n[Priority.CRITICAL.ordinal()], n[Priority.HIGH.ordinal()],
                n[Priority.NORMAL.ordinal()], n[Priority.BULK.ordinal()]);
    }

    /** Prints one line of the table. */
    static void print(PrintStream out, Run r) {
        out.printf("  %-62s %9d %9.2f %11.0f %9d%n", r.what(), r.rows(), r.seconds(), r.rate(), r.commits());
    }
}
