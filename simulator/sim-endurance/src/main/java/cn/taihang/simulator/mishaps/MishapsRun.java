package cn.taihang.simulator.mishaps;

import cn.taihang.simulator.faults.BridgeRecords;
import cn.taihang.simulator.faults.Journal;
import cn.taihang.simulator.faults.LoadCity;
import cn.taihang.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The mishaps of roadside hardware, played against real gateway processes, a real broker and the real bridge, each on
 * its own gateway of a {@link LoadCity} under load: an SD backup restored (the store rolls back and reissues sequence
 * numbers), a card re-flashed (a fresh store), a card cloned and run beside the original, a store damaged. At the end
 * the gateways' journals (every event an outbox acknowledged) are compared with the bridge's records, its conflicts
 * and the cards left behind ({@link MishapVerdict}).
 */
public final class MishapsRun {

    static final String RESTORE = "restore 备份恢复";
    static final String REFLASH = "re-flash 重新烧录";
    static final String CLONE = "clone 克隆卡";
    static final String DAMAGE = "damaged store 存储损坏";

    private final MishapsOptions options;
    private final PrintStream out;
    private final LoadCity city;
    private final List<MishapVerdict.Expectation> expectations = new ArrayList<>();
    private final Map<String, Set<String>> clonedEvents = new HashMap<>();
    private final Map<String, Set<String>> onCards = new HashMap<>();
    private final Map<String, String> mishapOf = new HashMap<>();
    private Set<String> inDamagedStore = Set.of();

    private MishapsRun(MishapsOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.city = new LoadCity(options.runDir(), options.distDir(), options.ratePerGateway(), out);
    }

    /**
     * Runs the scenario, printing progress and the report.
     *
     * @throws IOException if a part of the city cannot start
     */
    public static MishapVerdict run(Scenario scenario, MishapsOptions options, PrintStream out) throws IOException, SQLException {
        return new MishapsRun(options, out).execute(scenario);
    }

    private MishapVerdict execute(Scenario scenario) throws IOException, SQLException {
        try (city) {
            out.printf("Taihang Edge mishaps 意外 — %d records/s per gateway, %d s between steps: a backup restored, a card re-flashed, "
                    + "a card cloned, a store damaged%n", options.ratePerGateway(), options.phaseSeconds());
            city.start(scenario.sites().subList(0, 4));
            List<String> ids = city.gatewayIds();
            pause(options.phaseSeconds());
            restore(ids.get(0));
            reflash(ids.get(1));
            clone(ids.get(2));
            damage(ids.get(3));
            pause(options.phaseSeconds());
            long drained = city.stopLoadAndDrain(Duration.ofSeconds(options.drainTimeoutSeconds()));
            city.close();
            MishapVerdict verdict = verdict(ids, drained);
            new MishapsReport(out).print(options, mishapOf, verdict);
            return verdict;
        }
    }

    private void restore(String id) throws IOException {
        mishapOf.put(id, RESTORE);
        StoreCard card = new StoreCard(city.dataDir(id));
        Path aside = options.runDir().resolve("backups").resolve(id);
        city.fleet().kill(id);
        card.backUp(aside);
        say(RESTORE, id, "kill -9, store backed up; running on for " + options.phaseSeconds() + " s");
        city.startGateway(id);
        pause(options.phaseSeconds());
        city.fleet().kill(id);
        card.restore(aside);
        city.startGateway(id);
        say(RESTORE, id, "kill -9, the backup put back (store and sequence roll back together), started again");
    }

    /** The crew re-flashes a card whose gateway had delivered everything: the fresh store must not be taken for the old one. */
    private void reflash(String id) throws IOException {
        mishapOf.put(id, REFLASH);
        boolean delivered = city.quiesce(id, Duration.ofSeconds(options.drainTimeoutSeconds()));
        city.fleet().kill(id);
        StoreCard card = new StoreCard(city.dataDir(id));
        onCards.put(id, card.events());
        card.wipe();
        city.startGateway(id);
        say(REFLASH, id, (delivered ? "everything delivered" : "NOT everything delivered") + ", kill -9, the card flashed again (no store), started");
    }

    private void clone(String id) throws IOException {
        mishapOf.put(id, CLONE);
        Path cloneData = options.runDir().resolve("clones").resolve(id).resolve("data");
        String cloneKey = id + "~clone";
        city.fleet().kill(id);
        Set<String> leaveOut = new HashSet<>(LoadCity.LOAD_FILES);
        leaveOut.add("log");
        new StoreCard(city.dataDir(id)).copyTo(cloneData, leaveOut);
        city.startGateway(id);
        try {
            city.fleet().start(cloneKey, city.configFile(id), cloneData);
        } catch (cn.taihang.simulator.fleet.FleetException e) {
            throw new IOException("the clone of " + id + " did not start: " + e.getMessage(), e);
        }
        say(CLONE, id, "its card copied into a second gateway, both running with one id until the bridge notices (at most "
                + options.drainTimeoutSeconds() + " s)");
        pause(options.phaseSeconds());
        boolean noticed = awaitSecurityEvent(id, "TWO_LIVE_STORES", Duration.ofSeconds(options.drainTimeoutSeconds()));
        city.fleet().kill(cloneKey);
        Journal journal = LoadCity.journalIn(cloneData);
        journal.readMore();
        clonedEvents.put(id, journal.events().keySet());
        onCards.put(id, new StoreCard(cloneData).events());
        say(CLONE, id, (noticed ? "the bridge raised TWO_LIVE_STORES; " : "the bridge did NOT notice; ") + "the clone taken out (kill -9): it had " + journal.events().size() + " acknowledged records, " + onCards.get(id).size()
                + " of them still unsent on its card");
    }

    /** The broker is down for a while (every gateway stores a backlog); meanwhile a card is damaged in a power cut. */
    private void damage(String id) throws IOException {
        mishapOf.put(id, DAMAGE);
        city.broker().stop();
        say(DAMAGE, id, "the broker stopped for " + options.phaseSeconds() + " s: every gateway keeps a backlog");
        pause(options.phaseSeconds());
        city.fleet().kill(id);
        inDamagedStore = new StoreCard(city.dataDir(id)).damageIndex(new Random(options.seed()));
        city.broker().start();
        city.startGateway(id);
        say(DAMAGE, id, "kill -9, a page of its store's index overwritten with garbage (" + inDamagedStore.size()
                + " unsent records in the store), the broker back, the gateway started again");
    }

    private boolean awaitSecurityEvent(String gateway, String reason, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (city.records().securityEvents().getOrDefault(gateway, Set.of()).contains(reason)) {
                    return true;
                }
            } catch (SQLException e) {
                throw new IOException("cannot read the bridge's security events: " + e.getMessage(), e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        return false;
    }

    private MishapVerdict verdict(List<String> ids, long drained) throws IOException, SQLException {
        Map<String, Set<String>> acknowledged = new HashMap<>();
        city.acknowledgedEvents().forEach((g, events) -> acknowledged.put(g, new HashSet<>(events.keySet())));
        clonedEvents.forEach((g, events) -> acknowledged.get(g).addAll(events));
        BridgeRecords bridge = city.records();
        Map<String, Set<String>> records = byGateway(bridge.rows());
        Map<String, Set<String>> conflicts = byGateway(bridge.conflicts());
        Map<String, Set<String>> security = bridge.securityEvents();
        Map<String, Integer> incarnations = bridge.incarnations();
        String restored = ids.get(0);
        String reflashed = ids.get(1);
        String cloned = ids.get(2);
        String damaged = ids.get(3);
        expect(RESTORE, "the records reissued under taken sequence numbers are kept aside as conflicts and alarmed (RECORD_CONFLICT)",
                !conflicts.getOrDefault(restored, Set.of()).isEmpty() && security.getOrDefault(restored, Set.of()).contains("RECORD_CONFLICT"),
                conflicts.getOrDefault(restored, Set.of()).size() + " conflicts, security events " + security.getOrDefault(restored, Set.of()));
        expect(REFLASH, "the fresh store is told apart from the old one (its records under a second incarnation)",
                incarnations.getOrDefault(reflashed, 0) >= 2, incarnations.getOrDefault(reflashed, 0) + " incarnations");
        expect(CLONE, "two live stores under one gateway id are alarmed (TWO_LIVE_STORES)",
                security.getOrDefault(cloned, Set.of()).contains("TWO_LIVE_STORES"), "security events " + security.getOrDefault(cloned, Set.of()));
        Set<String> notDelivered = new HashSet<>(inDamagedStore);
        notDelivered.removeAll(records.getOrDefault(damaged, Set.of()));
        expect(DAMAGE, "every record in the damaged store is salvaged and reaches the bridge", !inDamagedStore.isEmpty() && notDelivered.isEmpty(),
                (inDamagedStore.size() - notDelivered.size()) + " of " + inDamagedStore.size() + " at the bridge");
        expect("drain 排空", "then every acknowledged record reaches the bridge or is kept aside, within the drain timeout", drained >= 0,
                drained < 0 ? "timeout" : drained + " ms after the load stopped");
        Set<String> alarmed = new HashSet<>(security.keySet());
        return MishapVerdict.of(acknowledged, records, conflicts, onCards, alarmed, expectations);
    }

    private void expect(String mishap, String expected, boolean met, String found) {
        expectations.add(new MishapVerdict.Expectation(mishap, expected, met, found));
    }

    private static Map<String, Set<String>> byGateway(List<BridgeRecords.Row> rows) {
        Map<String, Set<String>> map = new HashMap<>();
        for (BridgeRecords.Row r : rows) {
            map.computeIfAbsent(r.gateway(), g -> new HashSet<>()).add(r.event());
        }
        return map;
    }

    private void say(String mishap, String id, String what) {
        out.printf("  %s  %-22s %s: %s%n", city.elapsed(), mishap, id, what);
    }

    private static void pause(int seconds) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
