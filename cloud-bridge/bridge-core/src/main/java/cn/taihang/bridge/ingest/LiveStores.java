package cn.taihang.bridge.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Tells two stores sending under one gateway id at the same time (a cloned card beside the original, a second gateway
 * enrolled with the same identity) from one store that restarted: each start of a gateway's uplink draws a new random
 * run, so a restart moves from one run to the next and never back, while two live stores interleave — a run that was
 * heard, then another, is heard again within the window. Thread-safe; keeps a few recent runs per gateway.
 */
public final class LiveStores {

    private static final int RUNS_KEPT = 4;

    /**
     * Two runs interleaving.
     *
     * @param gateway the gateway id both send under
     * @param run the run heard again
     * @param incarnation its store's incarnation ({@code 0}: not said)
     * @param other the run heard in between
     * @param otherIncarnation that run's store incarnation
     */
    public record Interleaving(String gateway, long run, long incarnation, long other, long otherIncarnation) {

        /** @return whether both runs come from copies of one store file (a cloned card or a restored backup running beside the original) */
        public boolean sameStoreFile() {
            return incarnation != 0 && incarnation == otherIncarnation;
        }
    }

    private record Heard(long run, long incarnation, long atMillis) {}

    private final long windowMillis;
    private final Map<String, Deque<Heard>> recent = new HashMap<>();

    /** @param windowMillis how long after its last batch a run counts as live, positive */
    public LiveStores(long windowMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("windowMillis must be positive, was " + windowMillis);
        }
        this.windowMillis = windowMillis;
    }

    /**
     * Notes a batch of a run.
     *
     * @param run the batch's run; {@code 0} (a version-1 batch) is ignored
     * @return the interleaving if this run returns after another run of the gateway within the window, else empty
     */
    public synchronized Optional<Interleaving> heard(String gateway, long run, long incarnation, long nowMillis) {
        if (run == 0) {
            return Optional.empty();
        }
        Deque<Heard> runs = recent.computeIfAbsent(gateway, g -> new ArrayDeque<>());
        runs.removeIf(h -> h.atMillis() < nowMillis - windowMillis);
        Heard latest = runs.peekFirst();
        Optional<Interleaving> found = Optional.empty();
        for (Iterator<Heard> it = runs.iterator(); it.hasNext(); ) {
            Heard h = it.next();
            if (h.run() == run) {
                if (h != latest) {
                    found = Optional.of(new Interleaving(gateway, run, incarnation, latest.run(), latest.incarnation()));
                }
                it.remove();
            }
        }
        runs.addFirst(new Heard(run, incarnation, nowMillis));
        while (runs.size() > RUNS_KEPT) {
            runs.removeLast();
        }
        return found;
    }
}
