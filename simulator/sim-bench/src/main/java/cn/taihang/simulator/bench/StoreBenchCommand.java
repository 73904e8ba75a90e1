package cn.taihang.simulator.bench;

import cn.taihang.simulator.faults.DebianTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang bench store}: durable ingest of the store against the sqlite3 tool. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Durable ingest rate of the store (WAL, synchronous=FULL, group commit) against the sqlite3 tool inserting the same",
            "rows in 1000-row transactions with synchronous=FULL, in the same run. Last line: RESULT store ratio=<r> ..."})
public final class StoreBenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "200000", description = "records per run (default ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of each, alternating; the median counts (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--window", defaultValue = "10000", description = "records the producer lets wait for their commit (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--batch-commit", defaultValue = "1000", description = "the store's maxBatchCommit (default ${DEFAULT-VALUE}, its MetaType default)")
    int batchCommit;

    @Option(names = "--dir", defaultValue = "run/bench-store", description = "where the databases go, on the disk to measure (default ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() throws Exception {
        DebianTools.ensure(System.out, "sqlite3", Path.of("/usr/bin/sqlite3"));
        Files.createDirectories(dir);
        BenchRows data = BenchRows.hub(rows, 3);
        StoreBench bench = new StoreBench(dir.toAbsolutePath(), data, window, batchCommit);
        System.out.printf("Taihang Edge bench store 存储基准 — %,d records of a hub's mix (%s), %d rounds, on %s%n", rows, bench.mix(), rounds,
                dir.toAbsolutePath());
        List<StoreBench.Run> ours = new ArrayList<>();
        List<StoreBench.Run> theirs = new ArrayList<>();
        bench.store(0);
        for (int i = 1; i <= rounds; i++) {
            theirs.add(bench.sqlite3(i));
            ours.add(bench.store(i));
            System.out.printf("  round %d: store %,.0f rows/s, sqlite3 %,.0f rows/s%n", i, ours.get(ours.size() - 1).rate(), theirs.get(theirs.size() - 1).rate());
        }
        StoreBench.Run single = bench.storeOneByOne(1, 2000);
        StoreBench.Run store = StoreBench.median(ours);
        StoreBench.Run sqlite = StoreBench.median(theirs);
        System.out.println();
        System.out.printf("  %-62s %9s %9s %11s %9s%n", "durable ingest (median of " + rounds + " rounds)", "rows", "seconds", "rows/s", "commits");
        StoreBench.print(System.out, store);
        StoreBench.print(System.out, sqlite);
        StoreBench.print(System.out, single);
        double ratio = store.rate() / sqlite.rate();
        System.out.printf("RESULT store ratio=%.2f store_rows_per_s=%.0f sqlite3_rows_per_s=%.0f one_per_commit_rows_per_s=%.0f goal=0.8%n", ratio, store.rate(),
                sqlite.rate(), single.rate());
        return 0;
    }
}
