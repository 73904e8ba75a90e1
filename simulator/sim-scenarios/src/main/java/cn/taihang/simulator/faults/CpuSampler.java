package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.worker.DaemonThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a process's CPU time from {@code /proc/<pid>/stat} (user + system, in clock ticks of 10 ms) at a fixed
 * period: mean and peak use in % of one core, and CPU seconds in total. Linux only.
 */
final class CpuSampler implements AutoCloseable {

    private static final double TICK_SECONDS = 0.01;

    private final long pid;
    private final long periodMillis;
    private final List<Double> percents = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("cpu-sampler"));
    private long startTicks = -1;
    private long lastTicks = -1;
    private long lastNanos;
    private long startNanos;

    CpuSampler(long pid, long periodMillis) {
        this.pid = pid;
        this.periodMillis = periodMillis;
    }

    CpuSampler start() {
        startNanos = System.nanoTime();
        lastNanos = startNanos;
        startTicks = ticks();
        lastTicks = startTicks;
        timer.scheduleAtFixedRate(this::sample, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        long t = ticks();
        if (t >= 0 && lastTicks >= 0) {
            percents.add(100.0 * (t - lastTicks) * TICK_SECONDS / ((now - lastNanos) / 1e9));
        }
        lastTicks = t;
        lastNanos = now;
    }

    /** @return the samples so far, % of one core, one per period */
    synchronized List<Double> samples() {
        return List.copyOf(percents);
    }

    /** @return CPU seconds used since {@link #start()} */
    synchronized double cpuSeconds() {
        return (lastTicks - startTicks) * TICK_SECONDS;
    }

    /** @return mean use over the samples, % of one core */
    synchronized double meanPercent() {
        double elapsed = (lastNanos - startNanos) / 1e9;
        return elapsed <= 0 ? 0 : 100.0 * cpuSeconds() / elapsed;
    }

    /** @return the highest sample, % of one core */
    synchronized double peakPercent() {
        return percents.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private long ticks() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }
}
