package cn.taihang.simulator.soak;

import cn.taihang.simulator.faults.CrashVerdict;
import cn.taihang.simulator.faults.LoadCity;
import cn.taihang.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The soak: a {@link LoadCity} under steady synthetic load for many simulated days, each compressed into
 * {@link SoakOptions#daySeconds()} of wall-clock time, with the day's faults — one faulted gateway killed with SIGKILL
 * and started again, the broker stopped (odd days) or killed (even days) and started again — and at the end of every
 * day the long-lived processes (the bridge and the gateways never faulted) sampled from outside: heap after a full
 * collection, resident set, file descriptors, threads; and the stores and the bridge's database measured. After the
 * last day the load stops, the backlog drains and the journals are compared with the bridge.
 */
public final class SoakRun {

    /**
     * What a soak found.
     *
     * @param days the samples, day 0 first
     * @param growth growth of the long-lived processes
     * @param verdict the ground truth against the bridge
     * @param drainMillis from the load's stop until the bridge held every acknowledged record, -1 on timeout
     * @param chart the PNG of the samples
     */
    public record SoakResult(List<SoakDay> days, SoakGrowth growth, CrashVerdict verdict, long drainMillis, Path chart) {}

    private final SoakOptions options;
    private final PrintStream out;
    private final LoadCity city;
    private final ProcessProbe probe;
    private final Random random;

    private SoakRun(SoakOptions options, PrintStream out) throws IOException {
        this.options = options;
        this.out = out;
        this.city = new LoadCity(options.runDir(), options.distDir(), options.ratePerGateway(), out);
        this.probe = new ProcessProbe();
        this.random = new Random(options.seed());
    }

    /**
     * Runs the soak, printing each day's line and the report.
     *
     * @throws IOException if a part of the city cannot start or a process cannot be sampled
     */
    public static SoakResult run(Scenario scenario, SoakOptions options, PrintStream out) throws IOException, SQLException {
        return new SoakRun(options, out).execute(scenario);
    }

    private SoakResult execute(Scenario scenario) throws IOException, SQLException {
        try (city) {
            out.printf("Taihang Edge soak 浸泡测试 — %d simulated days of %d s each, %d gateway processes (%d never faulted, measured), %d records/s each%n",
                    options.days(), options.daySeconds(), options.gateways(), options.steadyGateways(), options.ratePerGateway());
            city.start(scenario.sites().subList(0, options.gateways()));
            List<String> ids = city.gatewayIds();
            List<String> steady = ids.subList(0, options.steadyGateways());
            List<String> faulted = ids.subList(options.steadyGateways(), ids.size());
            List<SoakDay> days = new ArrayList<>();
            days.add(sample(0, steady, List.of()));
            for (int day = 1; day <= options.days(); day++) {
                long dayStart = System.nanoTime();
                List<String> faults = new ArrayList<>();
                waitUntil(dayStart, options.daySeconds() / 3.0);
                if (!faulted.isEmpty()) {
                    faults.add(killGateway(faulted.get((day - 1) % faulted.size())));
                }
                waitUntil(dayStart, options.daySeconds() * 2 / 3.0);
                faults.add(restartBroker(day % 2 == 0));
                waitUntil(dayStart, options.daySeconds());
                days.add(sample(day, steady, faults));
            }
            long drained = city.stopLoadAndDrain(Duration.ofSeconds(options.drainTimeoutSeconds()));
            city.close();
            CrashVerdict verdict = city.verdict();
            SoakGrowth growth = SoakGrowth.of(days);
            Path chart = new SoakChart().write(options.runDir().resolve("soak.png"), days);
            new SoakReport(out).print(options, days, growth, verdict, drained, chart);
            return new SoakResult(List.copyOf(days), growth, verdict, drained, chart);
        }
    }

    private String killGateway(String id) throws IOException {
        long pid = city.fleet().pid(id);
        city.fleet().kill(id);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(downMillis()));
        long up = city.startGateway(id).readyMillis();
        out.printf("  %s          kill -9 %s (pid %d), up again in %d ms%n", city.elapsed(), id, pid, up);
        return "kill -9 " + id;
    }

    private String restartBroker(boolean forcibly) throws IOException {
        if (forcibly) {
            city.broker().kill();
        } else {
            city.broker().stop();
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(downMillis()));
        city.broker().start();
        String what = (forcibly ? "kill -9" : "stop") + " broker";
        out.printf("  %s          %s, up again%n", city.elapsed(), what);
        return what;
    }

    /** @return a fault's outage: 1 to 3 s, at most a sixth of a day */
    private long downMillis() {
        long most = Math.min(3000, options.daySeconds() * 1000L / 6);
        return most / 3 + (long) (random.nextDouble() * (most - most / 3));
    }

    private SoakDay sample(int day, List<String> steady, List<String> faults) throws IOException {
        Map<String, ProcessSample> processes = new LinkedHashMap<>();
        processes.put("bridge", probe.sample(city.bridge().pid()));
        for (String id : steady) {
            processes.put(id, probe.sample(city.fleet().pid(id)));
        }
        long stores = 0;
        for (String id : city.gatewayIds()) {
            stores += bytesOf(city.dataDir(id), "store.db");
        }
        Path db = city.bridge().databaseFile();
        SoakDay d = new SoakDay(day, processes, stores, bytesOf(db.getParent(), db.getFileName().toString()), city.acknowledged(), city.atBridge(),
                faults);
        ProcessSample bridge = processes.get("bridge");
        out.printf("  %s  day %3d 第%d天: bridge heap %.1f MiB rss %.0f MiB fds %d threads %d | gateways heap ≤ %.1f MiB rss ≤ %.0f MiB"
                        + " | stores %.1f MiB, bridge db %.1f MiB | acknowledged %,d, at the bridge %,d%n",
                city.elapsed(), day, day, bridge.heapMib(), bridge.residentMib(), bridge.fileDescriptors(), bridge.threads(),
                steady.stream().mapToDouble(id -> processes.get(id).heapMib()).max().orElse(0),
                steady.stream().mapToDouble(id -> processes.get(id).residentMib()).max().orElse(0), stores / 1_048_576.0,
                d.bridgeDatabaseBytes() / 1_048_576.0, d.acknowledged(), d.atBridge());
        return d;
    }

    private static long bytesOf(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                try {
                    total += Files.size(f);
                } catch (NoSuchFileException e) {
                    // a WAL checkpointed away while we looked: nothing to count
                }
            }
            return total;
        }
    }

    private static void waitUntil(long startNanos, double seconds) {
        long until = startNanos + (long) (seconds * 1e9);
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
