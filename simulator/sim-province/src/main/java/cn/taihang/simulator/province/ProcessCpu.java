package cn.taihang.simulator.province;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How busy one process is, measured from outside between two calls: the CPU time the operating system charged it per
 * second of wall clock (100 % = one core), and its resident memory from {@code /proc/<pid>/status}.
 */
final class ProcessCpu {

    private final long pid;
    private final long firstCpuNanos;
    private final long firstWallNanos;
    private long lastCpuNanos;
    private long lastWallNanos;

    ProcessCpu(long pid) {
        this.pid = pid;
        this.lastCpuNanos = cpuNanos();
        this.lastWallNanos = System.nanoTime();
        this.firstCpuNanos = lastCpuNanos;
        this.firstWallNanos = lastWallNanos;
    }

    /** @return per cent of one core since this was made */
    double meanPercent() {
        long wall = System.nanoTime() - firstWallNanos;
        return wall <= 0 ? 0 : 100.0 * Math.max(0, cpuNanos() - firstCpuNanos) / wall;
    }

    /** @return per cent of one core since the previous call (or since made); 0 once the process is gone */
    double percentSinceLast() {
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        double percent = wall == lastWallNanos ? 0 : 100.0 * Math.max(0, cpu - lastCpuNanos) / (wall - lastWallNanos);
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return percent;
    }

    /** @return resident memory, MiB; 0 if it cannot be read */
    double residentMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private long cpuNanos() {
        Optional<Duration> cpu = ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
        return cpu.map(Duration::toNanos).orElse(lastCpuNanos);
    }
}
