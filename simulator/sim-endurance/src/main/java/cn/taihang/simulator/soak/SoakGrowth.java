package cn.taihang.simulator.soak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much the long-lived processes grew over a soak: from the end of day 1 (warmed up: classes loaded, pools and
 * caches filled) to the end of the last day, or from day 0 when the soak lasted one day. Each figure is the largest
 * growth of any process; a process that shrank counts as 0.
 *
 * @param baselineDay the day growth is measured from
 * @param heapMib heap in use after a full collection
 * @param residentMib resident set
 * @param fileDescriptors open file descriptors
 * @param threads live threads
 * @param perProcess each process's own growth, by name
 */
public record SoakGrowth(int baselineDay, double heapMib, double residentMib, int fileDescriptors, int threads, Map<String, ProcessGrowth> perProcess) {

    /** One process's growth from the baseline day to the last. */
    public record ProcessGrowth(ProcessSample from, ProcessSample to) {

        /** @return heap growth in MiB (negative if it shrank) */
        public double heapMib() {
            return to.heapMib() - from.heapMib();
        }

        /** @return resident set growth in MiB */
        public double residentMib() {
            return to.residentMib() - from.residentMib();
        }

        /** @return file descriptors opened and kept */
        public int fileDescriptors() {
            return to.fileDescriptors() - from.fileDescriptors();
        }

        /** @return threads started and kept */
        public int threads() {
            return to.threads() - from.threads();
        }
    }

    /**
     * @param days the samples, day 0 first
     * @throws IllegalArgumentException if there is no day after day 0
     */
    public static SoakGrowth of(List<SoakDay> days) {
        if (days.size() < 2) {
            throw new IllegalArgumentException("growth needs day 0 and at least one simulated day, got " + days.size() + " samples");
        }
        SoakDay base = days.get(days.size() > 2 ? 1 : 0);
        SoakDay last = days.get(days.size() - 1);
        Map<String, ProcessGrowth> per = new LinkedHashMap<>();
        base.processes().forEach((name, from) -> {
            ProcessSample to = last.processes().get(name);
            if (to != null) {
                per.put(name, new ProcessGrowth(from, to));
            }
        });
        double heap = per.values().stream().mapToDouble(ProcessGrowth::heapMib).max().orElse(0);
        double rss = per.values().stream().mapToDouble(ProcessGrowth::residentMib).max().orElse(0);
        int fds = per.values().stream().mapToInt(ProcessGrowth::fileDescriptors).max().orElse(0);
        int threads = per.values().stream().mapToInt(ProcessGrowth::threads).max().orElse(0);
        return new SoakGrowth(base.day(), Math.max(0, heap), Math.max(0, rss), Math.max(0, fds), Math.max(0, threads), per);
    }
}
