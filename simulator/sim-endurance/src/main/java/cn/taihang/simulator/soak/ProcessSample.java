package cn.taihang.simulator.soak;

/**
 * What one long-lived process used at the end of a simulated day.
 *
 * @param heapBytes Java heap in use right after a full collection (what the process really keeps)
 * @param residentBytes resident set size (Linux {@code VmRSS})
 * @param fileDescriptors open file descriptors
 * @param threads live threads
 */
public record ProcessSample(long heapBytes, long residentBytes, int fileDescriptors, int threads) {

    /** @return the heap in MiB */
    public double heapMib() {
        return heapBytes / 1_048_576.0;
    }

    /** @return the resident set in MiB */
    public double residentMib() {
        return residentBytes / 1_048_576.0;
    }
}
