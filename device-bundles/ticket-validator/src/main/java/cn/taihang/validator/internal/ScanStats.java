package cn.taihang.validator.internal;

import cn.taihang.gateway.api.ScanEntry;
import cn.taihang.validator.domain.Verdict;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/** Scans of one gate counted by verdict since start, and the latest {@value #RECENT} of them for the console. Thread-safe. */
final class ScanStats {

    static final int RECENT = 50;

    private final AtomicLongArray counts = new AtomicLongArray(Verdict.values().length);
    private final ArrayDeque<ScanEntry> recent = new ArrayDeque<>(RECENT);
    private volatile Instant lastScan;

    void count(Verdict verdict, Instant at) {
        counts.incrementAndGet(verdict.ordinal());
        lastScan = at;
    }

    /** Counts a scan and keeps it among the recent ones (the ticket id only, no personal data). */
    void count(String device, Verdict verdict, String ticketId, Instant at) {
        count(verdict, at);
        ScanEntry entry = new ScanEntry(device, at, verdict.accepted(), verdict.name(), verdict.message(), ticketId == null ? "" : ticketId);
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeLast();
            }
            recent.addFirst(entry);
        }
    }

    /** @return the newest scans first, at most {@code max} */
    List<ScanEntry> recent(int max) {
        List<ScanEntry> list = new ArrayList<>();
        synchronized (recent) {
            Iterator<ScanEntry> it = recent.iterator();
            while (it.hasNext() && list.size() < max) {
                list.add(it.next());
            }
        }
        return List.copyOf(list);
    }

    long count(Verdict verdict) {
        return counts.get(verdict.ordinal());
    }

    long refused() {
        long total = 0;
        for (Verdict v : Verdict.values()) {
            total += v.accepted() ? 0 : counts.get(v.ordinal());
        }
        return total;
    }

    /** @return the refusals by code, those seen only */
    Map<Verdict, Long> refusals() {
        Map<Verdict, Long> map = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            if (!v.accepted() && counts.get(v.ordinal()) > 0) {
                map.put(v, counts.get(v.ordinal()));
            }
        }
        return map;
    }

    Instant lastScan() {
        return lastScan;
    }

    String summary() {
        String refused = refusals().entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
        return "accepted " + count(Verdict.ACCEPTED) + ", refused " + refused() + (refused.isEmpty() ? "" : " (" + refused + ")");
    }
}
