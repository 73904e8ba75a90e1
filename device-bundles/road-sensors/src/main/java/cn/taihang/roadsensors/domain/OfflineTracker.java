package cn.taihang.roadsensors.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds sensors that went silent: a sensor is offline once it has not reported for {@code missedReports}
 * of its report periods (counted from when it was first expected, if it never reported), and back
 * online at its next report. Time is always the caller's. Not thread-safe: the owner synchronises.
 */
public final class OfflineTracker {

    /** A sensor's presence changed. */
    public record Change(String sensorId, boolean offline, Instant lastSeen, Duration silentFor) {}

    private final int missedReports;
    private final Map<String, Entry> sensors = new TreeMap<>();

    /** @param missedReports how many report periods of silence make a sensor offline, at least 1 */
    public OfflineTracker(int missedReports) {
        if (missedReports < 1) {
            throw new IllegalArgumentException("missedReports must be at least 1");
        }
        this.missedReports = missedReports;
    }

    /** Starts expecting a sensor (or changes its period), from {@code now} if it never reported. */
    public void expect(String sensorId, Duration reportPeriod, Instant now) {
        Entry entry = sensors.computeIfAbsent(sensorId, id -> new Entry(now));
        entry.period = reportPeriod;
    }

    /** Stops expecting a sensor (its configuration was removed). */
    public void forget(String sensorId) {
        sensors.remove(sensorId);
    }

    /**
     * Records a report.
     *
     * @return the change to online if the sensor was offline
     */
    public Optional<Change> seen(String sensorId, Duration defaultPeriod, Instant now) {
        Entry entry = sensors.computeIfAbsent(sensorId, id -> new Entry(now));
        if (entry.period == null) {
            entry.period = defaultPeriod;
        }
        Instant previous = entry.lastSeen;
        entry.lastSeen = now;
        if (entry.offline) {
            entry.offline = false;
            return Optional.of(new Change(sensorId, false, now, Duration.between(previous == null ? entry.since : previous, now)));
        }
        return Optional.empty();
    }

    /** @return the sensors that went offline since the last check */
    public List<Change> check(Instant now) {
        List<Change> changes = new ArrayList<>();
        sensors.forEach((id, entry) -> {
            Instant reference = entry.lastSeen == null ? entry.since : entry.lastSeen;
            Duration silent = Duration.between(reference, now);
            if (!entry.offline && silent.compareTo(entry.period.multipliedBy(missedReports)) > 0) {
                entry.offline = true;
                changes.add(new Change(id, true, entry.lastSeen, silent));
            }
        });
        return changes;
    }

    /** @return whether the sensor is offline now */
    public boolean isOffline(String sensorId) {
        Entry entry = sensors.get(sensorId);
        return entry != null && entry.offline;
    }

    /** @return when the sensor last reported, if ever */
    public Optional<Instant> lastSeen(String sensorId) {
        Entry entry = sensors.get(sensorId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.lastSeen);
    }

    private static final class Entry {
        final Instant since;
        Instant lastSeen;
        Duration period;
        boolean offline;

        Entry(Instant since) {
            this.since = since;
        }
    }
}
