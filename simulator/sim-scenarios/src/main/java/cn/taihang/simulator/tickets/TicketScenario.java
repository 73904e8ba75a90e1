package cn.taihang.simulator.tickets;

import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.TicketRejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * {@code ./taihang sim tickets}: tourists buy tickets through the bridge, travel, and scan at boarding gates,
 * scenic entrances and lodging desks of real gateways; a share of the scans are bad on purpose. At the end every
 * scan's verdict (read off the scanner line) is compared with the ground truth, and the bridge's records
 * (redemptions and refusals per gate) with the scans made.
 */
public final class TicketScenario {

    /**
     * @param gateways how many gateways with gates to run (those with most gates first)
     * @param tourists how many tourists
     * @param faultShare share of tourists who also make a bad scan, 0–1
     * @param seed random seed
     * @param runDir where gateway data and the bridge database go
     * @param distDir the gateway distribution
     * @param faults the kinds of bad scans to mix in (see {@link #FAULTS})
     */
    public record Options(int gateways, int tourists, double faultShare, long seed, Path runDir, Path distDir, List<String> faults) {}

    /** Every kind of bad scan: replayed, forged, counterfeit, wrong-gate, not-yet-valid, expired (needs up to a minute's wait). */
    public static final List<String> FAULTS = List.of("replayed", "forged", "counterfeit", "wrong-gate", "not-yet-valid", "expired");

    /**
     * The outcome.
     *
     * @param scans scans made
     * @param mismatches scans whose verdict differed from the ground truth
     * @param recordMismatches gate and verdict pairs whose bridge record count differed
     * @param p50Millis median scan stamp → relay driven (accepted) latency
     * @param p99Millis its 99th percentile
     */
    public record Result(int scans, int mismatches, int recordMismatches, double p50Millis, double p99Millis) {
        /** @return whether everything matched */
        public boolean ok() {
            return mismatches == 0 && recordMismatches == 0 && scans > 0;
        }
    }

    private TicketScenario() {
    }

    /** Runs the scenario, printing progress and the report. */
    public static Result run(Scenario scenario, Options options, PrintStream out) throws IOException, InterruptedException {
        try (TicketNetwork network = TicketNetwork.start(options.runDir(), options.distDir(), 0)) {
            out.printf("bridge up: %s%n", network.bridge().httpUrl());
            TicketShop shop = new TicketShop(network.bridge());
            List<JsonNode> products = shop.products();
            List<TicketGatewayPlan> plans = TicketGatewayPlan.plan(scenario, products);
            plans = plans.subList(0, Math.min(plans.size(), Math.max(2, options.gateways())));
            network.boot(plans, options.runDir(), 0, 60, out);
            Instant start = Instant.now();

            TouristPlanner planner = new TouristPlanner(shop, scenario, products, plans, options.seed(), options.faults());
            Random random = new Random(options.seed() + 1);
            List<PlannedScan> now = new ArrayList<>();
            List<PlannedScan> later = new ArrayList<>();
            for (int n = 0; n < options.tourists(); n++) {
                for (PlannedScan s : planner.tourist(n, random.nextDouble() < options.faultShare())) {
                    (s.category().equals("expired") ? later : now).add(s);
                }
            }
            out.printf("%d tourists bought their tickets; %d scans to make%n", options.tourists(), now.size() + later.size());
            List<Object[]> results = new ArrayList<>();
            List<Long> latencies = new ArrayList<>();
            for (PlannedScan s : now) {
                results.add(execute(network, s, latencies));
            }
            if (!later.isEmpty()) {
                long waitMs = Duration.between(Instant.now(), Instant.now().plusSeconds(61).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)).toMillis();
                out.printf("waiting %d s for the timed rides to expire…%n", Math.max(0, waitMs / 1000));
                Thread.sleep(Math.max(0, waitMs) + 1000);
                for (PlannedScan s : later) {
                    results.add(execute(network, s, latencies));
                }
            }
            return report(network, results, latencies, start, out);
        }
    }

    private static Object[] execute(TicketNetwork network, PlannedScan s, List<Long> latencies) throws InterruptedException {
        ScanProbe.Outcome o = network.probe(s.gatewayId()).scan(s.gate().port(), s.text(), s.gate().relayPin(), Duration.ofSeconds(5));
        if (o.verdict().equals("ACCEPTED") && o.relayOpened()) {
            latencies.add(o.relayMicros() * 1000);
        }
        return new Object[] {s, o};
    }

    private static Result report(TicketNetwork network, List<Object[]> results, List<Long> latencies, Instant start, PrintStream out)
            throws IOException, InterruptedException {
        Map<String, int[]> byCategory = new TreeMap<>();
        Map<String, Integer> expectedRecords = new TreeMap<>();
        int mismatches = 0;
        for (Object[] r : results) {
            PlannedScan s = (PlannedScan) r[0];
            ScanProbe.Outcome o = (ScanProbe.Outcome) r[1];
            boolean right = o.verdict().equals(s.expected()) && o.relayOpened() == s.expected().equals("ACCEPTED");
            int[] counts = byCategory.computeIfAbsent(s.category() + " → " + s.expected(), k -> new int[2]);
            counts[0]++;
            counts[1] += right ? 1 : 0;
            if (!right) {
                mismatches++;
                out.printf("  MISMATCH %-13s at %-24s expected %-14s got %s (relay %s)%n", s.category(), s.gate().device(), s.expected(), o.verdict(),
                        o.relayOpened() ? "opened" : "closed");
            }
            expectedRecords.merge(s.gate().device() + " " + o.verdict(), 1, Integer::sum);
        }
        out.println();
        out.println("scan category → verdict the gate must give        scans   right");
        byCategory.forEach((k, v) -> out.printf("  %-46s %6d  %6d%n", k, v[0], v[1]));

        Map<String, Integer> atBridge = awaitRecords(network, start, expectedRecords);
        int recordMismatches = 0;
        for (String key : new java.util.TreeSet<>(expectedRecords.keySet())) {
            if (!expectedRecords.get(key).equals(atBridge.getOrDefault(key, 0))) {
                recordMismatches++;
                out.printf("  RECORDS %-40s scans %d, records at the bridge %d%n", key, expectedRecords.get(key), atBridge.getOrDefault(key, 0));
            }
        }
        int total = expectedRecords.values().stream().mapToInt(Integer::intValue).sum();
        int stored = atBridge.values().stream().mapToInt(Integer::intValue).sum();
        latencies.sort(Long::compare);
        double p50 = percentile(latencies, 0.50);
        double p99 = percentile(latencies, 0.99);
        out.printf("%nbridge records: %d of %d scans (ticket.redemption + ticket.rejection), %d gate/verdict pairs differ%n", stored, total,
                recordMismatches);
        out.printf("scan line in → relay driven (accepted): p50 %.2f ms, p99 %.2f ms over %d scans%n", p50, p99, latencies.size());
        out.printf("%s: %d scans, %d verdicts differ from the ground truth%n", mismatches == 0 && recordMismatches == 0 ? "OK" : "FAILED",
                results.size(), mismatches);
        return new Result(results.size(), mismatches, recordMismatches, p50, p99);
    }

    private static Map<String, Integer> awaitRecords(TicketNetwork network, Instant start, Map<String, Integer> expected)
            throws IOException, InterruptedException {
        int want = expected.values().stream().mapToInt(Integer::intValue).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<String, Integer> counts = new TreeMap<>();
            Instant from = start.minusSeconds(120);
            Instant to = Instant.now().plusSeconds(120);
            network.client().telemetry(RecordKinds.TICKET_REDEMPTION, from, to).forEach(r -> counts.merge(r.path("device").asText() + " ACCEPTED", 1, Integer::sum));
            for (JsonNode r : network.client().telemetry(RecordKinds.TICKET_REJECTION, from, to)) {
                counts.merge(r.path("device").asText() + " " + r.path("values").path(TicketRejection.REASON.name()).asText(), 1, Integer::sum);
            }
            if (counts.values().stream().mapToInt(Integer::intValue).sum() >= want || System.nanoTime() > deadline) {
                return counts;
            }
            Thread.sleep(250);
        }
    }

    /**
     * @param sortedNanos durations in nanoseconds, ascending (not null; may be empty)
     * @param p the quantile, 0..1 (nearest rank)
     * @return that quantile in milliseconds, or NaN when there are no durations
     */
    public static double percentile(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, index))) / 1e6;
    }
}
