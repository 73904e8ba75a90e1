package cn.taihang.bridge.ingest;

import cn.taihang.bridge.security.SecurityEvents;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.Topics;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Raises the bridge's security events (logged once per gateway and reason, counted, kept in {@code security_events})
 * for what store incarnations reveal: a record that repeats a stored key with other content ({@value #RECORD_CONFLICT},
 * the record itself is kept in {@code conflicts}), and two stores sending under one gateway id at the same time
 * ({@value #TWO_LIVE_STORES}).
 */
public final class StoreAnomalies {

    /** Reason: a repeated (gateway, seq) with other content. */
    public static final String RECORD_CONFLICT = "RECORD_CONFLICT";
    /** Reason: two runs of one gateway id interleave. */
    public static final String TWO_LIVE_STORES = "TWO_LIVE_STORES";

    private final SecurityEvents events;
    private final LiveStores live;
    private final LongSupplier clockMillis;

    /**
     * @param events where the events go
     * @param live tells two live stores from a restart
     * @param clockMillis the bridge's clock
     */
    public StoreAnomalies(SecurityEvents events, LiveStores live, LongSupplier clockMillis) {
        this.events = events;
        this.live = live;
        this.clockMillis = clockMillis;
    }

    /** Notes a believed batch; raises {@value #TWO_LIVE_STORES} if its run interleaves with another. */
    public void heard(Topics.Address address, DataBatch batch) {
        live.heard(batch.gateway(), batch.run(), batch.incarnation(), clockMillis.getAsLong()).ifPresent(i -> events.record(SecurityEvents.INGEST,
                i.gateway(), TWO_LIVE_STORES, "two stores send under gateway id " + i.gateway() + " at " + address.site() + " at the same time (runs "
                        + Long.toHexString(i.run()) + " and " + Long.toHexString(i.other()) + ", "
                        + (i.sameStoreFile() ? "both of store incarnation " + Long.toHexString(i.incarnation()) + ": a cloned card or a restored copy beside the original"
                        : "store incarnations " + Long.toHexString(i.incarnation()) + " and " + Long.toHexString(i.otherIncarnation()) + ": a second card with this identity")
                        + "). Their records are kept (a reissued key with other content goes to table conflicts) and each is acknowledged only to its sender; "
                        + "find the second device and take it off the network."));
    }

    /** Raises {@value #RECORD_CONFLICT} for each conflict of a committed batch. */
    public void conflicts(Topics.Address address, List<RecordWriter.Conflict> conflicts) {
        for (RecordWriter.Conflict c : conflicts) {
            events.record(SecurityEvents.INGEST, address.gateway(), RECORD_CONFLICT, "gateway " + address.gateway() + " sent record #" + c.seq() + " (" + c.kind()
                    + ", store incarnation " + Long.toHexString(c.incarnation()) + ") with other content than the record stored under that key (store incarnation "
                    + Long.toHexString(c.keptIncarnation()) + "): kept in table conflicts with its body and acknowledged, not counted as a duplicate. "
                    + (c.incarnation() == c.keptIncarnation() ? "The same store reissued the number: a restored backup or a cloned card."
                    : "Another store reissued the number: a re-flashed card whose clock was behind."));
        }
    }
}
