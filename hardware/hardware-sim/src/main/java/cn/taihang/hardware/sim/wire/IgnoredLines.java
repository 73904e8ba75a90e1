package cn.taihang.hardware.sim.wire;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the harness lines one side ignored (unreadable, or about a pin or port nobody holds), by kind,
 * and logs the first of each kind only. Thread-safe.
 */
public final class IgnoredLines {

    private static final Logger LOG = LoggerFactory.getLogger(IgnoredLines.class);

    private final String side;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** @param side who is reading, for the log (e.g. {@code gateway gw-1}) */
    public IgnoredLines(String side) {
        this.side = side;
    }

    /**
     * Counts one ignored line; logs it if it is the first of its kind.
     *
     * @param kind a short, stable name of the fault
     * @param detail what was wrong, for the log
     */
    public void report(String kind, String detail) {
        if (counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet() == 1) {
            LOG.warn("{} ignored a harness line ({}): {}; further lines of this kind are only counted", side, kind, detail);
        }
    }

    /** Counts one ignored line from a parse failure. */
    public void report(MalformedLineException e) {
        report(e.kind(), e.getMessage());
    }

    /** @return how many lines of this kind were ignored */
    public long count(String kind) {
        AtomicLong count = counts.get(kind);
        return count == null ? 0 : count.get();
    }

    /** @return all ignored lines so far, by kind, sorted */
    public Map<String, Long> counts() {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((kind, count) -> result.put(kind, count.get()));
        return result;
    }

    /** @return all ignored lines so far */
    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
