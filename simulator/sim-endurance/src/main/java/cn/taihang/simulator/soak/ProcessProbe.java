package cn.taihang.simulator.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Samples a running JVM from outside, as an operator would on the Pi: a full collection and the heap left in use through
 * the JDK's {@code jcmd} ({@code GC.run}, then {@code GC.heap_info}), and resident memory, threads and open file
 * descriptors from Linux's {@code /proc/<pid>}.
 */
final class ProcessProbe {

    private static final Pattern GENERATION_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final long JCMD_TIMEOUT_SECONDS = 30;

    private final Path jcmd;

    /** @throws IOException if the JDK running this has no {@code jcmd} (a JRE) */
    ProcessProbe() throws IOException {
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IOException("the soak samples heaps with " + jcmd + ", which is missing: run it with a JDK 17 (not a JRE)");
        }
    }

    /** @throws IOException if the process is gone or cannot be attached to */
    ProcessSample sample(long pid) throws IOException {
        jcmd(pid, "GC.run");
        long heap = 0;
        Matcher used = GENERATION_USED.matcher(jcmd(pid, "GC.heap_info"));
        while (used.find()) {
            heap += Long.parseLong(used.group(1)) * 1024;
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        long resident = 0;
        int threads = 0;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                resident = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        }
        int fds;
        try (Stream<Path> open = Files.list(proc.resolve("fd"))) {
            fds = (int) open.count();
        }
        return new ProcessSample(heap, resident, fds, threads);
    }

    private String jcmd(long pid, String command) throws IOException {
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("jcmd " + pid + " " + command + " failed: " + output.strip());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sampling process " + pid, e);
        } finally {
            p.destroy();
        }
    }
}
