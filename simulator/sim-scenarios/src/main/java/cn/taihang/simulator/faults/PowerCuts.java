package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.simulator.fleet.GatewayFleet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Power cuts during updates, triggered from outside: when a gateway reports the update step its plan names next (for
 * the release the plan is for), its process gets {@code kill -9} — at a download once its partial file has grown (so
 * the cut lands mid-download), after the verified download once its slots say they are staging (mid-copy), at once
 * otherwise; each wait is bounded, and what the cut really hit is read afterwards. Then, with the process gone, what a power cut leaves
 * is read: the slots' state file (the phase it was in), the partial downloads, the store file (SQLite's integrity
 * check, its rows) and the load journal — every record the outbox acknowledged must be in the store or at the bridge.
 * The gateway is started again after a short outage; its first boot must be up, on the old or the new release, and its
 * store must open with exactly the rows counted while it was down.
 */
final class PowerCuts {

    /** Steps a power cut can hit, in update order: download, verify (then staging), staged, switch, trial (health gate), commit. */
    static final List<String> STEPS = List.of("downloading", "downloaded", "staged", "switching", "trying", "committed");

    /**
     * One power cut.
     *
     * @param phaseFound the slots' phase found after the kill (IDLE, STAGING, STAGED, TRYING) and the release pending
     * @param partialBytes bytes of partial downloads found
     * @param integrity SQLite's {@code integrity_check} of the store
     * @param rowsAtCut records in the store after the kill
     * @param rowsAtOpen records the store said it held when it opened again, -1 if it did not say
     * @param acknowledged records the outbox had acknowledged (the journal)
     * @param missing acknowledged records neither in the store nor at the bridge
     * @param readyAgain whether the first boot after the restart had every component up
     * @param releaseAfter the release that boot runs
     * @param trialAfter whether it runs it on trial
     */
    record Cut(String gateway, String step, String release, double atSeconds, String phaseFound, long partialBytes, String integrity,
               long rowsAtCut, long rowsAtOpen, long acknowledged, long missing, long downMillis, long restartMillis, boolean readyAgain,
               String releaseAfter, boolean trialAfter) {

        /** @return whether the gateway came back working with its store intact */
        boolean intact() {
            return readyAgain && missing == 0 && integrity.equals("ok") && rowsAtOpen == rowsAtCut;
        }
    }

    private static final long MOMENT_MILLIS = 5000;

    private final RolloutGateways gateways;
    private final BridgeRecords records;
    private final long downMillis;
    private final PrintStream out;
    private final Supplier<Double> clock;
    private final Map<String, Deque<String>> plan = new ConcurrentHashMap<>();
    private final List<Cut> cuts = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final Set<String> cutting = ConcurrentHashMap.newKeySet();
    /**
     * A planned step reported while a cut of its gateway was under way: gateway → (pid, step). Either the restarted process
     * reported it while its restart was still being checked, or the killed process reached it before the kill landed
     * (a loaded machine lets it run on) and the restarted one resumes past it without reporting it again; either way the
     * restarted process is cut for it as soon as the cut under way is done.
     */
    private final Map<String, Map.Entry<Long, String>> reportedDuringCut = new ConcurrentHashMap<>();
    private volatile String release = "";

    /**
     * @param downMillis how long a gateway stays without power
     * @param clock seconds since the run started
     */
    PowerCuts(RolloutGateways gateways, BridgeRecords records, long downMillis, PrintStream out, Supplier<Double> clock) {
        this.gateways = gateways;
        this.records = records;
        this.downMillis = downMillis;
        this.out = out;
        this.clock = clock;
        gateways.onStep(this::onStep);
    }

    /** Plans power cuts of a gateway at these steps, in order, during the update to {@code target}. */
    void plan(String target, String gateway, List<String> steps) {
        this.release = target;
        plan.computeIfAbsent(gateway, g -> new ArrayDeque<>()).addAll(steps);
    }

    /** @return whether a cut is under way (killed and not yet back) */
    boolean busy() {
        return running.get() > 0;
    }

    /** @return the planned cuts whose step never came */
    Map<String, List<String>> unfired() {
        Map<String, List<String>> left = new java.util.TreeMap<>();
        plan.forEach((g, steps) -> {
            synchronized (steps) {
                if (!steps.isEmpty()) {
                    left.put(g, List.copyOf(steps));
                }
            }
        });
        return left;
    }

    List<Cut> cuts() {
        return List.copyOf(cuts);
    }

    /** @return cuts that could not be carried out or checked (a restart that failed), each a sentence */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /**
     * Steps count only from the gateway's current process, and not while a cut of it is under way (a killed process's
     * last lines, the restarted one's first): one cut at a time per gateway.
     */
    private void onStep(String gateway, long pid, String stepRelease, String step, int attempt) {
        Deque<String> steps = plan.get(gateway);
        if (steps == null || !stepRelease.equals(release) || pid != gateways.pid(gateway)) {
            return;
        }
        synchronized (steps) {
            if (!step.equals(steps.peekFirst())) {
                return;
            }
            if (cutting.contains(gateway)) {
                reportedDuringCut.put(gateway, Map.entry(pid, step));
                return;
            }
            steps.removeFirst();
            cutting.add(gateway);
        }
        running.incrementAndGet();
        DaemonThreads.start("power-cut-" + gateway, () -> {
            try {
                cut(gateway, step);
            } catch (IOException | RuntimeException e) {
                failures.add(gateway + " at " + step + ": " + e.getMessage());
                out.printf("  t+%4.0fs  power cut of %s at %s FAILED: %s%n", clock.get(), gateway, step, e.getMessage());
            } finally {
                cutting.remove(gateway);
                Map.Entry<Long, String> missed = reportedDuringCut.remove(gateway);
                if (missed != null) {
                    onStep(gateway, gateways.pid(gateway), release, missed.getValue(), attempt);
                }
                running.decrementAndGet();
            }
        });
    }

    private void cut(String gateway, String step) throws IOException {
        RolloutGateways.Gateway g = gateways.get(gateway);
        if (step.equals("downloading")) {
            awaitMoment(() -> partialBytes(g.data().resolve("downloads")) > 0);
        } else if (step.equals("downloaded")) {
            awaitMoment(() -> gateways.slots(gateway).phase().equals("STAGING"));
        }
        double at = clock.get();
        long pid = gateways.pid(gateway);
        long down = System.nanoTime();
        gateways.kill(gateway);
        String phase = gateways.slots(gateway).toString();
        long partial = partialBytes(g.data().resolve("downloads"));
        Path storeFile = gateways.storeFile(gateway);
        String integrity = integrity(storeFile);
        Set<Long> stored = seqs(storeFile);
        g.journal().readMore();
        Map<Long, String> acknowledged = g.journal().acknowledged();
        Set<Long> atBridge = bridgeSeqs(gateway);
        long missing = acknowledged.keySet().stream().filter(s -> !stored.contains(s) && !atBridge.contains(s)).count();
        out.printf("  t+%4.0fs  power cut 断电: kill -9 %s (pid %d) at step %s — slots %s, partial downloads %,d B, store %s with %,d rows, "
                + "%d acknowledged records missing%n", at, gateway, pid, step, phase, partial, integrity, stored.size(), missing);
        pause(downMillis);
        long restart = System.nanoTime();
        GatewayFleet.Started started;
        try {
            started = gateways.start(gateway);
        } finally {
            cutting.remove(gateway);
        }
        long up = System.nanoTime();
        RolloutGateways.Boot boot = gateways.lastBoot(gateway);
        RolloutGateways.StoreOpened opened = gateways.lastStoreOpen(gateway);
        Cut c = new Cut(gateway, step, release, at, phase, partial, integrity, stored.size(), opened == null ? -1 : opened.records(), acknowledged.size(),
                missing, (restart - down) / 1_000_000, (up - restart) / 1_000_000, started.ready(), boot == null ? "?" : boot.release(),
                boot != null && boot.trying());
        cuts.add(c);
        out.printf("  t+%4.0fs           %s back: %s in %d ms on release %s%s; store opened with %,d rows (%s)%n", clock.get(), gateway,
                started.ready() ? "up" : "NOT up", c.restartMillis(), c.releaseAfter(), c.trialAfter() ? " (on trial)" : "", c.rowsAtOpen(), c.rowsAtOpen() == c.rowsAtCut() ? "as counted" : "COUNTED " + c.rowsAtCut());
    }

    /** A moment of an update step, seen from outside. */
    private interface Moment {
        boolean reached() throws IOException;
    }

    /** Polls the gateway's files until the moment is reached, for at most {@value #MOMENT_MILLIS} ms (then the cut goes ahead). */
    private static void awaitMoment(Moment moment) {
        long end = System.nanoTime() + MOMENT_MILLIS * 1_000_000;
        while (System.nanoTime() < end) {
            try {
                if (moment.reached()) {
                    return;
                }
            } catch (IOException e) {
                // a file being replaced as we look: look again
            }
            pause(2);
        }
    }

    private Set<Long> bridgeSeqs(String gateway) throws IOException {
        try {
            Set<Long> seqs = new HashSet<>();
            for (BridgeRecords.Row r : records.rows()) {
                if (r.gateway().equals(gateway)) {
                    seqs.add(r.seq());
                }
            }
            return seqs;
        } catch (SQLException e) {
            throw new IOException("cannot read the bridge's records: " + e.getMessage(), e);
        }
    }

    private static long partialBytes(Path downloads) throws IOException {
        if (!Files.isDirectory(downloads)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(downloads)) {
            long total = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".part")).toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static String integrity(Path store) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> problems = new ArrayList<>();
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
            return String.join("; ", problems);
        } catch (SQLException e) {
            throw new IOException("cannot check the store " + store + ": " + e.getMessage(), e);
        }
    }

    private static Set<Long> seqs(Path store) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM records")) {
            Set<Long> seqs = new HashSet<>();
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
            return seqs;
        } catch (SQLException e) {
            throw new IOException("cannot read the store " + store + ": " + e.getMessage(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
