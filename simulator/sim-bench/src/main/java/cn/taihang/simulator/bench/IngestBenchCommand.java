package cn.taihang.simulator.bench;

import cn.taihang.cloudlink.embedded.UplinkOptions;
import cn.taihang.postgres.LocalPostgres;
import cn.taihang.simulator.faults.DebianTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang bench ingest}: exactly-once ingest of the bridge on SQLite and PostgreSQL against each engine alone. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Records/s through the bridge's exactly-once ingest (MQTT QoS 1 batches → one transaction per batch with the dedup key → ack)",
            "on SQLite and on a local PostgreSQL, each against the engine alone doing the same batched INSERT … ON CONFLICT DO NOTHING",
            "in the same run. Last line: RESULT ingest sqlite_ratio=<r> postgres_ratio=<r> sqlite_rps=<n> postgres_rps=<n>"})
public final class IngestBenchCommand implements Callable<Integer> {

    @Option(names = "--records", defaultValue = "60000", description = "records per run (default ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of each, alternating; the median counts (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--gateways", defaultValue = "8", description = "gateways sending at once (default ${DEFAULT-VALUE})")
    int gateways;

    @Option(names = "--batch", defaultValue = "0", description = "records per batch (default: the uplink's MetaType default)")
    int batch;

    @Option(names = "--window", defaultValue = "4", description = "batches each gateway keeps waiting for their ack (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--dir", defaultValue = "run/bench-ingest", description = "where the SQLite files go, on the disk to measure (default ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() throws Exception {
        DebianTools.ensure(System.out, "postgresql", Path.of("/usr/bin/pg_lsclusters"));
        Files.createDirectories(dir);
        int perBatch = batch > 0 ? batch : UplinkOptions.defaults("tcp://127.0.0.1:1").batchMaxRecords();
        BenchRows data = BenchRows.hub(records, 7);
        System.out.printf("Taihang Edge bench ingest 入库基准 — %,d records of a hub's mix, %d gateways, batches of %d, %d in flight each, %d rounds%n",
                records, gateways, perBatch, window, rounds);
        System.out.println("  starting a local PostgreSQL (Debian's package; durable: fsync and synchronous_commit on) …");
        try (LocalPostgres postgres = LocalPostgres.start(LocalPostgres.Durability.DURABLE)) {
            IngestBench bench = new IngestBench(dir.toAbsolutePath(), data, gateways, perBatch, window, postgres);
            Map<IngestBench.Engine, List<IngestBench.Run>> bridge = new EnumMap<>(IngestBench.Engine.class);
            Map<IngestBench.Engine, List<IngestBench.Run>> alone = new EnumMap<>(IngestBench.Engine.class);
            for (IngestBench.Engine e : IngestBench.Engine.values()) {
                bench.bridge(e, 0);
                bench.databaseAlone(e, 0);
                bridge.put(e, new ArrayList<>());
                alone.put(e, new ArrayList<>());
            }
            for (int i = 1; i <= rounds; i++) {
                for (IngestBench.Engine e : IngestBench.Engine.values()) {
                    alone.get(e).add(bench.databaseAlone(e, i));
                    bridge.get(e).add(bench.bridge(e, i));
                    System.out.printf("  round %d %-10s bridge %,9.0f records/s, %s alone %,9.0f records/s%n", i, e.name().toLowerCase(), last(bridge.get(e)).rate(),
                            e.name().toLowerCase(), last(alone.get(e)).rate());
                }
            }
            System.out.println();
            System.out.printf("  %-112s %8s %8s %11s%n", "exactly-once ingest vs the engine alone (median of " + rounds + " rounds)", "records", "seconds", "records/s");
            Map<IngestBench.Engine, Double> ratio = new EnumMap<>(IngestBench.Engine.class);
            for (IngestBench.Engine e : IngestBench.Engine.values()) {
                IngestBench.Run ours = median(bridge.get(e));
                IngestBench.Run theirs = median(alone.get(e));
                for (IngestBench.Run r : List.of(ours, theirs)) {
                    System.out.printf("  %-112s %8d %8.2f %11.0f%n", r.what(), r.records(), r.seconds(), r.rate());
                }
                ratio.put(e, ours.rate() / theirs.rate());
            }
            System.out.printf("RESULT ingest sqlite_ratio=%.2f postgres_ratio=%.2f sqlite_rps=%.0f postgres_rps=%.0f%n", ratio.get(IngestBench.Engine.SQLITE),
                    ratio.get(IngestBench.Engine.POSTGRESQL), median(bridge.get(IngestBench.Engine.SQLITE)).rate(),
                    median(bridge.get(IngestBench.Engine.POSTGRESQL)).rate());
        }
        return 0;
    }

    private static IngestBench.Run last(List<IngestBench.Run> runs) {
        return runs.get(runs.size() - 1);
    }

    private static IngestBench.Run median(List<IngestBench.Run> runs) {
        List<IngestBench.Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(IngestBench.Run::rate));
        return sorted.get(sorted.size() / 2);
    }
}
