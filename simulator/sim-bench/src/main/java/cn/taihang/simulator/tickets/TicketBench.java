package cn.taihang.simulator.tickets;

import cn.taihang.simulator.scenario.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./taihang bench ticket}: Ed25519 verifications per second on one thread (BouncyCastle, as the gates use
 * it) against {@code openssl speed ed25519} run from the same command, and scan-line-in → relay-out latency
 * through the real validator bundle (a real gateway in Felix on the simulated board, key ring from the real
 * bridge, ledger fsync included): from the scan's stamp on the simulated serial line to the gateway's stamp of
 * driving the relay (one harness hop in, then the bundle), and the round trip as the harness sees it. Prints a
 * table and a last line {@code RESULT ticket ratio=<r> p99_ms=<x>} (x: the first latency's p99).
 */
public final class TicketBench {

    private static final int WARMUP_SCANS = 100;

    private TicketBench() {
    }

    /**
     * @param seconds length of each verification run (and of openssl's)
     * @param scans accepted scans timed (after {@value #WARMUP_SCANS} warm-up scans)
     * @return the RESULT line
     */
    public static String run(Scenario scenario, int seconds, int scans, Path runDir, Path distDir, PrintStream out) throws Exception {
        out.println("Taihang Edge ticket benchmark — " + Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty("java.version"));
        out.printf("1/2 signature verification, one thread, %d s each …%n", seconds);
        VerifySpeed.Figures v = VerifySpeed.measure(seconds);
        out.println("2/2 scan line in → relay out through the real bundle …");
        Latency latency = latency(scenario, scans, runDir, distDir, out);
        double ratio = v.bouncyCastle() / v.openssl();

        out.println();
        out.println("what                                                      figure");
        out.printf("  Ed25519 verify, BouncyCastle 1.80 (gate's verifier)     %10.0f /s%n", v.bouncyCastle());
        out.printf("  whole ticket check (Base45 + CBOR + verify)             %10.0f /s%n", v.wholeTicket());
        out.printf("  Ed25519 verify, JDK %-6s                              %10.0f /s%n", Runtime.version().feature(), v.jdk());
        out.printf("  Ed25519 verify, openssl speed -seconds %d ed25519        %10.0f /s   (%s)%n", seconds, v.openssl(), v.opensslVersion());
        out.printf("  ratio BouncyCastle / openssl                            %10.2f     (goal >= 1.0)%n", ratio);
        out.printf("  scan line in → relay out, accepted, p50 / p99 / max %7.2f / %.2f / %.2f ms  (%d scans; goal p99 <= 5 ms)%n",
                latency.p50(), latency.p99(), latency.max(), latency.count());
        out.printf("    same, as the harness sees it (+ return hop) p50 / p99 %7.2f / %.2f ms%n", latency.roundTripP50(), latency.roundTripP99());
        out.printf("  scan in → answer line, refused (forged), p50 / p99   %7.2f / %.2f ms  (%d scans)%n", latency.refusedP50(), latency.refusedP99(),
                latency.refusedCount());
        String result = String.format(java.util.Locale.ROOT, "RESULT ticket ratio=%.2f p99_ms=%.2f", ratio, latency.p99());
        out.println(result);
        return result;
    }

    /** Milliseconds: scan stamp → relay driven (p50, p99, max), round trip through the harness, refusals (round trip). */
    record Latency(double p50, double p99, double max, int count, double roundTripP50, double roundTripP99, double refusedP50, double refusedP99,
                   int refusedCount) {}

    private static Latency latency(Scenario scenario, int scans, Path runDir, Path distDir, PrintStream out) throws Exception {
        try (TicketNetwork network = TicketNetwork.start(runDir, distDir, 0)) {
            TicketShop shop = new TicketShop(network.bridge());
            List<JsonNode> bus = shop.products().stream().filter(p -> p.path("kind").asText().equals("bus")).toList();
            GatePlan gate = new GatePlan("bench-board-1", "BUS_BOARDING", bus.stream().map(p -> p.path("place").asInt()).toList(), "scanner-1", 17,
                    "基准测试闸机 / benchmark gate");
            Scenario.Site site = scenario.site("jincheng-hsr-east").orElseThrow();
            TicketGatewayPlan plan = new TicketGatewayPlan("gw-bench", site, List.of(gate));
            network.boot(List.of(plan), runDir, 0, 0, out);

            String today = LocalDate.now(TouristPlanner.ZONE).toString();
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < WARMUP_SCANS + scans; i++) {
                tickets.add(shop.buy("B" + i, List.of(shop.item(bus.get(i % bus.size()).path("id").asText(), today))).qr());
            }
            ScanProbe probe = network.probe("gw-bench");
            List<Long> accepted = new ArrayList<>();
            List<Long> inGateway = new ArrayList<>();
            List<Long> refused = new ArrayList<>();
            for (int i = 0; i < tickets.size(); i++) {
                ScanProbe.Outcome o = probe.scan("scanner-1", tickets.get(i), gate.relayPin(), Duration.ofSeconds(5));
                if (!o.verdict().equals("ACCEPTED") || !o.relayOpened()) {
                    throw new IllegalStateException("bench ticket " + i + " was not accepted: " + o.verdict());
                }
                if (i >= WARMUP_SCANS) {
                    accepted.add(o.latencyNanos());
                    inGateway.add(o.relayMicros() * 1000);
                    ScanProbe.Outcome forged = probe.scan("scanner-1", TouristPlanner.flipSignatureBit(tickets.get(i)), gate.relayPin(), Duration.ofSeconds(5));
                    if (forged.verdict().equals("BAD_SIGNATURE")) {
                        refused.add(forged.latencyNanos());
                    }
                }
            }
            accepted.sort(Long::compare);
            inGateway.sort(Long::compare);
            refused.sort(Long::compare);
            return new Latency(TicketScenario.percentile(inGateway, 0.5), TicketScenario.percentile(inGateway, 0.99),
                    inGateway.get(inGateway.size() - 1) / 1e6, inGateway.size(), TicketScenario.percentile(accepted, 0.5),
                    TicketScenario.percentile(accepted, 0.99), TicketScenario.percentile(refused, 0.5), TicketScenario.percentile(refused, 0.99),
                    refused.size());
        }
    }
}
