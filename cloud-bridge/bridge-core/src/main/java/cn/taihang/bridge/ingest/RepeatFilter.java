package cn.taihang.bridge.ingest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says whether a problem is new, so that a gateway sending the same bad message a thousand times is logged once
 * (per gateway and reason), not a thousand times. Counters count every occurrence. Bounded; thread-safe.
 */
public final class RepeatFilter {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final int capacity;

    /** @param capacity most distinct keys remembered; beyond it everything counts as seen */
    public RepeatFilter(int capacity) {
        this.capacity = capacity;
    }

    /**
     * @param key e.g. {@code "gw-1|MALFORMED"}
     * @return {@code true} the first time a key is seen (log it), {@code false} afterwards or once full
     */
    public boolean firstTime(String key) {
        if (seen.size() >= capacity) {
            return false;
        }
        return seen.add(key);
    }
}
