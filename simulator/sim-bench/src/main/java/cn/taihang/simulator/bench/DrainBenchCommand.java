package cn.taihang.simulator.bench;

import cn.taihang.cloudlink.embedded.UplinkOptions;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.simulator.faults.DebianTools;
import cn.taihang.simulator.faults.MosquittoProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./taihang bench drain}: the uplink's drain rate against mosquitto_pub with the same payloads and window. */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = {"Drain rate of the uplink (store → MQTT QoS 1 → acknowledgement → delete) to a local mosquitto, against",
            "mosquitto_pub -q 1 -M <same window> sending the same batch payloads. Last line: RESULT drain ratio=<r> ..."})
public final class DrainBenchCommand implements Callable<Integer> {

    @Option(names = "--records", defaultValue = "100000", description = "records per run (default ${DEFAULT-VALUE})")
    int records;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of each, alternating; the median counts (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--inflight-records", defaultValue = "0", description = "the uplink's record window (default: its MetaType default)")
    int inflightRecords;

    @Option(names = "--batch", defaultValue = "0", description = "records per batch (default: its MetaType default)")
    int batch;

    @Option(names = "--dir", defaultValue = "run/bench-drain", description = "where the stores and the broker go (default ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() throws Exception {
        DebianTools.ensure(System.out, "mosquitto", MosquittoProcess.BINARY);
        DebianTools.ensure(System.out, "mosquitto-clients", Path.of("/usr/bin/mosquitto_pub"));
        Files.createDirectories(dir);
        UplinkOptions defaults = UplinkOptions.defaults("ssl://127.0.0.1:1");
        UplinkOptions chosen = defaults.withWindow(inflightRecords > 0 ? inflightRecords : defaults.inflightRecords(), batch > 0 ? batch : defaults.batchMaxRecords());
        int window = DrainBench.messageWindow(chosen);
        BenchRows data = BenchRows.hub(records, 5);
        try (MosquittoProcess broker = new MosquittoProcess(dir.toAbsolutePath().resolve("broker"), 1000).start();
             Acknowledger acknowledger = new Acknowledger("127.0.0.1", broker.port(),
                     BridgeAccess.enrol(BridgeAccess.pkiDir(dir.toAbsolutePath()), dir.toAbsolutePath().resolve("bridge").resolve("identity")))) {
            UplinkOptions settings = chosen.withBrokerUrl(broker.url());
            DrainBench bench = new DrainBench(dir.toAbsolutePath(), data, broker.url(), broker.port());
            bench.acknowledgedBy(acknowledger::records);
            System.out.printf("Taihang Edge bench drain 排空基准 — %,d records (a hub's mix), batches of %d, window %d records = %d messages, %d rounds%n",
                    records, settings.batchMaxRecords(), settings.inflightRecords(), window, rounds);
            bench.uplink(0, settings);
            bench.mosquittoPub(0, settings.batchMaxRecords(), window);
            List<DrainBench.Run> ours = new ArrayList<>();
            List<DrainBench.Run> theirs = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                theirs.add(bench.mosquittoPub(i, settings.batchMaxRecords(), window));
                ours.add(bench.uplink(i, settings));
                System.out.printf("  round %d: uplink %,.0f records/s (all acknowledged after %.2f s, deleted after %.2f s; this JVM used %.2f CPU s), "
                        + "mosquitto_pub %,.0f records/s%n", i, ours.get(i - 1).rate(), bench.lastAckedSeconds(), ours.get(i - 1).seconds(),
                        bench.lastCpuSeconds(), theirs.get(i - 1).rate());
            }
            double[] handshake = bench.handshakeMillis(51);
            System.out.printf("  connect to mosquitto (median of 51): TCP %.2f ms, TCP + TLS handshake with client certificate %.2f ms; "
                    + "the uplink was up (handshake, CONNECT, subscriptions, birth) after %.1f ms in the last round%n", handshake[0], handshake[1],
                    bench.lastConnectMillis());
            DrainBench.Run uplink = median(ours);
            DrainBench.Run pub = median(theirs);
            System.out.println();
            System.out.printf("  %-92s %8s %8s %8s %11s%n", "drain to a local mosquitto (median of " + rounds + " rounds)", "records", "messages", "seconds", "records/s");
            for (DrainBench.Run r : List.of(uplink, pub)) {
                System.out.printf("  %-92s %8d %8d %8.2f %11.0f%n", r.what(), r.records(), r.messages(), r.seconds(), r.rate());
            }
            System.out.printf("RESULT drain ratio=%.2f uplink_records_per_s=%.0f mosquitto_pub_records_per_s=%.0f window_messages=%d goal=0.9 "
                    + "tcp_connect_ms=%.2f tls_handshake_ms=%.2f%n", uplink.rate() / pub.rate(), uplink.rate(), pub.rate(), window, handshake[0], handshake[1]);
        }
        return 0;
    }

    private static DrainBench.Run median(List<DrainBench.Run> runs) {
        List<DrainBench.Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(DrainBench.Run::rate));
        return sorted.get(sorted.size() / 2);
    }
}
