package cn.taihang.simulator.faults;

import cn.taihang.bridge.Bridge;
import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.releases.ReleasesModule;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.release.build.DerivedReleases;
import cn.taihang.release.build.ReleaseDirectory;
import cn.taihang.release.build.ReleasePublisher;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.simulator.run.SitePicker;
import cn.taihang.simulator.scenario.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The rollout scenario: the bridge with its embedded broker, gateway processes booted from their software slots (each
 * with a load producer, a capped and metered link to the release server), a good release (one bundle changed) rolled
 * out to them in waves — canary first, then growing — while gateways lose power (kill -9) at every update step, then a
 * bad release (a bundle whose component fails to activate) that the canary must roll back by itself, halting the rollout
 * before any other gateway receives it. At the end the load stops, and what every outbox acknowledged is compared with
 * what the bridge holds.
 */
public final class RolloutRun {

    /** The good release: the vehicle counter rebuilt. */
    static final String GOOD = "2026.12.1";
    /** The bad release: the good one plus the faulty bundle. */
    static final String BAD = "2026.12.2";

    private final RolloutOptions options;
    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private final RolloutTimeline timeline = new RolloutTimeline();
    private final ObjectMapper json = new ObjectMapper();
    private RunningBridge bridge;
    private RolloutApi api;
    private RolloutGateways gateways;
    private volatile long sampling = -1;

    private RolloutRun(RolloutOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the scenario, printing progress, the report and last the {@code RESULT rollout …} line.
     *
     * @return what it found
     * @throws IOException if a part cannot start, or a rollout does not end in time
     */
    public static RolloutResult run(Scenario scenario, RolloutOptions options, PrintStream out) throws IOException, SQLException {
        return new RolloutRun(options, out).execute(scenario);
    }

    private RolloutResult execute(Scenario scenario) throws IOException, SQLException {
        Files.createDirectories(options.runDir());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("rollout-progress"));
        try {
            List<Scenario.Site> sites = SitePicker.pick(scenario, options.gateways());
            out.printf("Taihang Edge rollout scenario 软件升级 — %d of the city's %d sites as full gateway processes (Felix booted from A/B slots by the "
                    + "launcher), %d power cuts per gateway, link %,d B/s%n", sites.size(), scenario.sites().size(), options.cutsPerGateway(),
                    options.linkBytesPerSecond());
            DerivedReleases releases = new DerivedReleases(options.runDir().resolve("releases"), options.distDir().resolve("bundles"),
                    List.of(RolloutGateways.BOARD));
            releases.pinKey(options.runDir().resolve("bridge").resolve(ReleasesModule.TRUSTED_KEYS));
            Path gatewayKey = releases.pinKey(options.runDir().resolve("release-keys.pub"));
            startBridge();
            ReleaseDirectory good = releases.oneBundleChanged(GOOD);
            ReleaseDirectory bad = releases.withFaultyBundle(good, BAD, options.faultyBundle());
            publish(releases, good);
            publish(releases, bad);
            BridgeRecords records = new BridgeRecords(bridge.databaseFile());
            gateways = new RolloutGateways(options.runDir(), options.distDir(), bridge, gatewayKey, options.linkBytesPerSecond(), options.ratePerGateway());
            PowerCuts cuts = new PowerCuts(gateways, records, options.downMillis(), out, this::seconds);
            startGateways(sites);
            List<String> ids = new ArrayList<>(gateways.all().keySet());
            planCuts(cuts, ids);
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);

            Map<String, Long> linkBefore = linkBytes();
            long goodStart = System.nanoTime();
            long goodRollout = rollout(GOOD, ids, 2, () -> !cuts.busy());
            long goodMillis = (System.nanoTime() - goodStart) / 1_000_000;
            Map<String, Long> linkGood = minus(linkBytes(), linkBefore);
            Map<String, JsonNode> goodEntries = api.entries(goodRollout);
            JsonNode goodDone = api.rollout(goodRollout);
            out.printf("  %s  rollout %d of %s: %s in %.1f s, states %s%n", elapsed(), goodRollout, GOOD, goodDone.path("status").asText(), goodMillis / 1000.0,
                    goodDone.path("states"));

            RolloutReport.BadOutcome badOutcome = null;
            if (options.badRelease()) {
                badOutcome = badRelease(ids);
            }
            sampling = -1;
            List<Path> unconfirmed = gateways.stopLoad();
            if (!unconfirmed.isEmpty()) {
                out.printf("  %s  load stop not confirmed in 60 s by %s; their journals may still grow%n", elapsed(), unconfirmed);
            }
            long drained = drain(records);
            ticker.shutdownNow();
            CrashVerdict verdict = verdict(records);
            RolloutResult result = RolloutResult.of(ids, gateways, goodEntries, badOutcome, cuts, verdict);
            cuts.cuts().forEach(c -> timeline.powerCut(c.atSeconds(), c.atSeconds() + (c.downMillis() + c.restartMillis()) / 1000.0));
            Path chart = timeline.write(options.runDir().resolve("rollout.png"));
            new RolloutReport(out).write(options, scenario, gateways, good, goodDone, goodEntries, goodMillis, linkGood, badOutcome, cuts, verdict,
                    drained, chart, result);
            return result;
        } finally {
            ticker.shutdownNow();
            if (gateways != null) {
                gateways.close();
            }
            if (bridge != null) {
                bridge.close();
            }
        }
    }

    private void startBridge() throws IOException {
        try {
            bridge = Bridge.start(BridgeAccess.secure(BridgeOptions.ephemeral(options.runDir().resolve("bridge")), options.runDir()))
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the bridge did not start: " + e.getMessage(), e);
        }
        api = new RolloutApi(bridge);
        out.printf("  %s  bridge up: %s (MQTT %s)%n", elapsed(), bridge.httpUrl(), bridge.brokerUrl());
    }

    private void publish(DerivedReleases releases, ReleaseDirectory release) throws IOException {
        try {
            ReleasePublisher.Result r = releases.publish(URI.create(bridge.httpUrl()), api.http(), api.token(), release);
            if (!r.published()) {
                throw new IOException("the bridge refused release " + release.manifest().version() + ": " + r.answer());
            }
            out.printf("  %s  release %s uploaded: %d bundles, %,d bytes (%d bundles, %,d bytes new at the bridge)%n", elapsed(),
                    release.manifest().version(), release.manifest().bundles().size(), release.manifest().totalBytes(), r.uploadedBundles(), r.uploadedBytes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void startGateways(List<Scenario.Site> sites) throws IOException {
        for (Scenario.Site site : sites) {
            RolloutGateways.Gateway g = gateways.add(site);
            GatewayFleet.Started s = gateways.start(g.id());
            if (!s.ready()) {
                throw new IOException("gateway " + g.id() + " is not fully up: " + s.detail());
            }
            out.printf("  %s  [%2d/%d] gateway %-36s up in %4d ms (pid %d) %s, %s%n", elapsed(), gateways.all().size(), sites.size(), g.id(),
                    s.readyMillis(), gateways.pid(g.id()), site.kind(), site.bilingualName());
        }
        awaitOrFail(60 + 10 * sites.size(), "every gateway online at the bridge", () -> online() == sites.size());
        out.printf("  %s  all %d gateways online at the bridge%n", elapsed(), sites.size());
    }

    /** Gateway i takes the steps i·k … i·k+k−1 (mod the step count): every step is cut somewhere, the canary's first. */
    private void planCuts(PowerCuts cuts, List<String> ids) {
        int k = options.cutsPerGateway();
        for (int i = 0; i < ids.size() && k > 0; i++) {
            List<String> steps = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                steps.add(PowerCuts.STEPS.get((i * k + j) % PowerCuts.STEPS.size()));
            }
            cuts.plan(GOOD, ids.get(i), steps);
            out.printf("  %s  power cuts planned for %s at: %s%n", elapsed(), ids.get(i), String.join(", ", steps));
        }
    }

    /** Creates a rollout of the release to the gateways (the first the canary) and waits until it is no longer running. */
    private long rollout(String release, List<String> ids, double growth, BooleanSupplier settled) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("release", release);
        body.put("targets", Map.of("gateways", ids));
        body.put("waves", Map.of("canary", 1, "canaryGateways", List.of(ids.get(0)), "growth", growth));
        body.put("gatewayDeadlineSeconds", Math.max(300, options.timeoutSeconds()));
        body.put("maxAttempts", 5);
        long id = api.create(json.writeValueAsString(body));
        timeline.rolloutStarted(seconds(), "rollout " + release);
        sampling = id;
        out.printf("  %s  rollout %d of release %s created: %d gateways, canary %s, waves growing ×%.0f%n", elapsed(), id, release, ids.size(), ids.get(0),
                growth);
        awaitOrFail(options.timeoutSeconds(), "rollout " + id + " of " + release + " to end", () -> !api.rollout(id).path("status").asText().equals("running")
                && settled.getAsBoolean());
        tick();
        return id;
    }

    private RolloutReport.BadOutcome badRelease(List<String> ids) throws IOException {
        String canary = ids.get(0);
        int bootsBefore = gateways.boots(canary);
        long start = System.nanoTime();
        long id = rollout(BAD, ids, 2, () -> true);
        long haltMillis = (System.nanoTime() - start) / 1_000_000;
        awaitOrFail(120, "the canary back on " + GOOD, () -> gateways.boots(canary) >= bootsBefore + 2 && gateways.lastBoot(canary) != null
                && gateways.lastBoot(canary).release().equals(GOOD) && gateways.slots(canary).phase().equals("IDLE"));
        long backMillis = (System.nanoTime() - start) / 1_000_000;
        JsonNode done = api.rollout(id);
        Map<String, JsonNode> entries = api.entries(id);
        out.printf("  %s  rollout %d of %s: %s in %.1f s (%s); canary %s back on %s after %.1f s%n", elapsed(), id, BAD, done.path("status").asText(),
                haltMillis / 1000.0, done.path("reason").asText(), canary, gateways.lastBoot(canary).release(), backMillis / 1000.0);
        return new RolloutReport.BadOutcome(id, done, entries, haltMillis, backMillis);
    }

    private long drain(BridgeRecords records) throws IOException {
        long start = System.nanoTime();
        awaitOrFail(180, "the bridge to hold every acknowledged record", () -> verdict(records).lost() == 0);
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.printf("  %s  load stopped; the bridge holds every acknowledged record %d ms later%n", elapsed(), ms);
        return ms;
    }

    private CrashVerdict verdict(BridgeRecords records) throws IOException {
        Map<String, Map<Long, String>> truth = new LinkedHashMap<>();
        for (RolloutGateways.Gateway g : gateways.all().values()) {
            g.journal().readMore();
            truth.put(g.id(), g.journal().acknowledged());
        }
        try {
            return CrashVerdict.of(truth, records.rows(), records.rejected());
        } catch (SQLException e) {
            throw new IOException("cannot read the bridge's records: " + e.getMessage(), e);
        }
    }

    private long online() throws IOException {
        return api.online();
    }

    private Map<String, Long> linkBytes() {
        Map<String, Long> bytes = new HashMap<>();
        gateways.all().values().forEach(g -> bytes.put(g.id(), g.link().downstreamBytes() + g.link().upstreamBytes()));
        return bytes;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    private void tick() {
        long id = sampling;
        if (id < 0) {
            return;
        }
        try {
            Map<String, Integer> byState = new HashMap<>();
            api.entries(id).values().forEach(e -> byState.merge(e.path("state").asText(), 1, Integer::sum));
            timeline.sample(seconds(), byState);
            long down = gateways.all().keySet().stream().filter(g -> !gateways.alive(g)).count();
            out.printf("  %s  ---- rollout %d: %s; gateways without power %d%n", elapsed(), id, byState, down);
        } catch (IOException | RuntimeException e) {
            out.printf("  %s  ---- progress unavailable: %s%n", elapsed(), e.getMessage());
        }
    }

    /** A condition that may throw while it is not yet true. */
    private interface Condition {
        boolean holds() throws IOException;
    }

    private void awaitOrFail(int seconds, String what, Condition condition) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        IOException last = null;
        while (System.nanoTime() < end) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            pause(250);
        }
        throw new IOException("timed out after " + seconds + " s waiting for " + what + (last == null ? "" : " (last error: " + last.getMessage() + ")"), last);
    }

    double seconds() {
        return (System.nanoTime() - t0) / 1e9;
    }

    private String elapsed() {
        return String.format("t+%4ds", (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
