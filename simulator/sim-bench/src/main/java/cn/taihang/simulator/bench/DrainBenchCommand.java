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
            List<DrainBench.Run> plainRuns = new ArrayList<>();
            List<Double> plainCpu = new ArrayList<>();
            List<Double> tlsCpu = new ArrayList<>();
            try (MosquittoProcess lab = MosquittoProcess.plainLab(dir.toAbsolutePath().resolve("lab-broker"), 1000).start();
                 Acknowledger labAcknowledger = new Acknowledger("127.0.0.1", lab.port(), null)) {
                DrainBench plain = new DrainBench(dir.toAbsolutePath(), data, lab.url(), lab.port());
                plain.acknowledgedBy(labAcknowledger::records);
                plain.uplink(0, chosen.withBrokerUrl(lab.url()));
                for (int i = 1; i <= rounds; i++) {
                    ours.add(bench.uplink(rounds + i, settings));
                    tlsCpu.add(bench.lastCpuSeconds());
                    plainRuns.add(plain.uplink(rounds + i, chosen.withBrokerUrl(lab.url())));
                    plainCpu.add(plain.lastCpuSeconds());
                    System.out.printf("  TLS-off round %d: uplink over TLS with ACL %,.0f records/s (%.2f CPU s), over plain MQTT to a lab broker "
                            + "without ACL %,.0f records/s (%.2f CPU s)%n", i, ours.get(ours.size() - 1).rate(), tlsCpu.get(i - 1),
                            plainRuns.get(i - 1).rate(), plainCpu.get(i - 1));
                }
            }
            double[] handshake = bench.handshakeMillis(51);
            System.out.printf("  connect to mosquitto (median of 51): TCP %.2f ms, TCP + TLS handshake with client certificate %.2f ms; "
                    + "the uplink was up (handshake, CONNECT, subscriptions, birth) after %.1f ms in the last round%n", handshake[0], handshake[1],
                    bench.lastConnectMillis());
            DrainBench.Run uplink = median(ours.subList(0, rounds));
            DrainBench.Run pub = median(theirs);
            System.out.println();
            System.out.printf("  %-92s %8s %8s %8s %11s%n", "drain to a local mosquitto (median of " + rounds + " rounds)", "records", "messages", "seconds", "records/s");
            for (DrainBench.Run r : List.of(uplink, pub)) {
                System.out.printf("  %-92s %8d %8d %8.2f %11.0f%n", r.what(), r.records(), r.messages(), r.seconds(), r.rate());
            }
            DrainBench.Run tlsSideBySide = median(ours.subList(rounds, ours.size()));
            DrainBench.Run plainRun = median(plainRuns);
            double tlsCpuPerRecord = median(tlsCpu) * 1e6 / records;
            double plainCpuPerRecord = median(plainCpu) * 1e6 / records;
            System.out.println();
            System.out.printf("  %-60s %11s %16s%n", "TLS on vs off, the same uplink, alternating rounds (median)", "records/s", "CPU µs/record");
            System.out.printf("  %-60s %11.0f %16.1f%n", "ssl:// with client certificate, locked-down mosquitto + ACL", tlsSideBySide.rate(), tlsCpuPerRecord);
            System.out.printf("  %-60s %11.0f %16.1f%n", "tcp:// to a lab mosquitto, anonymous, no ACL (baseline only)", plainRun.rate(), plainCpuPerRecord);
            System.out.printf("  %-60s %11.2f %16s%n", "ratio TLS / plain", tlsSideBySide.rate() / plainRun.rate(), String.format("%+.1f", tlsCpuPerRecord - plainCpuPerRecord));
            System.out.printf("RESULT drain ratio=%.2f uplink_records_per_s=%.0f mosquitto_pub_records_per_s=%.0f window_messages=%d goal=0.9 "
                    + "tcp_connect_ms=%.2f tls_handshake_ms=%.2f tls_vs_plain_ratio=%.2f uplink_plain_records_per_s=%.0f tls_cpu_us_per_record=%.1f "
                    + "plain_cpu_us_per_record=%.1f%n", uplink.rate() / pub.rate(), uplink.rate(), pub.rate(), window, handshake[0], handshake[1],
                    tlsSideBySide.rate() / plainRun.rate(), plainRun.rate(), tlsCpuPerRecord, plainCpuPerRecord);
        }
        return 0;
    }

    private static double median(java.util.Collection<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    private static DrainBench.Run median(List<DrainBench.Run> runs) {
        List<DrainBench.Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(DrainBench.Run::rate));
        return sorted.get(sorted.size() / 2);
    }
}
