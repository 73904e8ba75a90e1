package cn.taihang.bridge.module;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a record's time (the gateway's clock) is plausible against the bridge's, and the time state should be ordered by.
 * A gateway whose clock is wrong (a Pi that booted without NTP and a bad saved time, a battery clock reset to 2030) must
 * not freeze state: a status stamped years ahead would win every "newer than what is stored" comparison for ever. A record
 * more than {@code maxAhead} ahead of the time the bridge received it is implausible: it is counted
 * ({@code bridge_records_implausible_time_total{kind}}), logged once per gateway, and ordered by its receive time.
 * Thread-safe.
 */
public final class RecordTimes {

    /** How far ahead of the bridge's receive time a record's time may be by default (clock skew, a slow uplink). */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(RecordTimes.class);

    private final long maxAheadMillis;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Boolean> logged = new ConcurrentHashMap<>();

    /**
     * @param maxAhead how far ahead of its receive time a record's time may be, positive
     * @param meters where the count of implausible times goes
     * @throws IllegalArgumentException if {@code maxAhead} is not positive
     */
    public RecordTimes(Duration maxAhead, MeterRegistry meters) {
        if (maxAhead.isNegative() || maxAhead.isZero()) {
            throw new IllegalArgumentException("maxAhead must be positive, was " + maxAhead);
        }
        this.maxAheadMillis = maxAhead.toMillis();
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** @return whether the record's time is no more than {@code maxAhead} ahead of when the bridge received it */
    public boolean plausible(IngestedRecord r) {
        return r.timeMillis() - r.receivedMillis() <= maxAheadMillis;
    }

    /**
     * The time to order state by: the record's own time if plausible, else (flagged: counted, logged once per gateway) the
     * time the bridge received it.
     *
     * @return ms since the epoch
     */
    public long orderingMillis(IngestedRecord r) {
        if (plausible(r)) {
            return r.timeMillis();
        }
        counters.computeIfAbsent(r.kind(), kind -> Counter.builder("bridge.records.implausible.time").tag("kind", kind)
                .description("records whose time is implausibly far ahead of the bridge's; ordered by their receive time").register(meters))
                .increment();
        if (logged.putIfAbsent(r.gateway(), Boolean.TRUE) == null) {
            LOG.warn("gateway {} sent a {} record of {} stamped {}, {} ahead of the bridge receiving it: its clock is wrong (check its NTP "
                    + "and the clockSynchronised of its birth). Such records are ordered by their receive time; further ones are only "
                    + "counted", r.gateway(), r.kind(), r.device(), Instant.ofEpochMilli(r.timeMillis()),
                    Duration.ofMillis(r.timeMillis() - r.receivedMillis()));
        }
        return r.receivedMillis();
    }

    /**
     * @return the record itself if its time is plausible, else (flagged as by {@link #orderingMillis}) a copy stamped with the
     *     time the bridge received it, for listeners that order state by the record's time
     */
    public IngestedRecord forOrdering(IngestedRecord r) {
        long at = orderingMillis(r);
        return at == r.timeMillis() ? r : new IngestedRecord(r.gateway(), r.site(), r.seq(), r.device(), r.kind(), at, r.receivedMillis(),
                r.priority(), r.historical(), r.values(), r.units());
    }
}
