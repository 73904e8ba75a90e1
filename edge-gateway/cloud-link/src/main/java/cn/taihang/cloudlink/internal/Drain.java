package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.spi.RecordQueue;
import cn.taihang.gateway.spi.StoredRecord;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.RecordFrame;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Moves records from the store to the data topic within the in-flight window, and forgets them when the
 * bridge acknowledges them. Records are deleted from the store only on the bridge's acknowledgement, which
 * the bridge sends after committing them — stronger than deleting on the broker's PUBACK, which only says
 * the broker has the message. Used on the uplink's thread only.
 */
final class Drain {

    /** Result of {@link #step}: wait for an event (new records, an ack, a PUBACK). */
    static final long IDLE = -1;
    /** Result of {@link #step}: go on at once. */
    static final long AGAIN = 0;

    /** Sends one encoded batch (QoS 1 on the data topic); completion calls {@link #published}. */
    interface Publisher {
        void publish(byte[] payload) throws Exception;
    }

    private static final int FRAME_OVERHEAD = 24;

    private final LinkSettings settings;
    private final RecordQueue queue;
    private final BatchCodec codec;
    private final String gatewayId;
    private final LinkStats stats;
    private final long run = newRun();
    private final Map<Long, Long> sentAtNanos = new LinkedHashMap<>();
    private final long restartHoldNanos;
    private DrainRate rate;
    private int awaitingPuback;
    private boolean resendPending;
    private long resendAtNanos;

    Drain(LinkSettings settings, RecordQueue queue, BatchCodec codec, String gatewayId, LinkStats stats) {
        this.settings = settings;
        this.queue = queue;
        this.codec = codec;
        this.gatewayId = gatewayId;
        this.stats = stats;
        this.rate = new DrainRate(settings.drainRatePerSecond(), settings.batchMaxRecords(), System.nanoTime());
        this.restartHoldNanos = restartJitterMillis(gatewayId, settings.restartResendJitterMillis()) * 1_000_000L;
    }

    /**
     * @return this gateway's delay of the resend after a bridge restart: the same for a gateway id every time, spread evenly
     *     over {@code [0, windowMillis]} across gateways, so that a city's gateways do not all resend at once
     */
    static long restartJitterMillis(String gatewayId, long windowMillis) {
        CRC32 crc = new CRC32();
        crc.update(gatewayId.getBytes(StandardCharsets.UTF_8));
        return windowMillis == 0 ? 0 : crc.getValue() % (windowMillis + 1);
    }

    /**
     * The bridge restarted with a new session: what it had not acknowledged may be lost. After this gateway's jitter
     * ({@link #restartJitterMillis}) the records still unacknowledged then (overdue) are sent again; those the bridge
     * acknowledges meanwhile are not. Nothing new is sent before.
     */
    void bridgeRestarted(long nowNanos) {
        resendPending = true;
        resendAtNanos = nowNanos + restartHoldNanos;
    }

    /** @return whether the records are sent again now, or the nanoseconds to wait for it */
    private long resendAfterRestart(long nowNanos) {
        if (!resendPending) {
            return AGAIN;
        }
        if (nowNanos - resendAtNanos < 0) {
            return resendAtNanos - nowNanos;
        }
        resendPending = false;
        int overdue = forgetUnacknowledged();
        if (overdue > 0) {
            queue.releaseAll();
            stats.resentAfterBridgeRestart.addAndGet(overdue);
        }
        return AGAIN;
    }

    /**
     * Sends one claim's worth of records if the window, Paho's in-flight limit and the rate allow.
     *
     * @param connectedAtMillis when the current connection started; records stored before it are historical
     * @return {@link #IDLE}, {@link #AGAIN}, or nanoseconds to wait for the rate cap
     * @throws Exception if publishing failed (the connection is to be dropped)
     */
    long step(Publisher publisher, long connectedAtMillis, long nowNanos) throws Exception {
        long hold = resendAfterRestart(nowNanos);
        if (hold > 0) {
            return hold;
        }
        int window = settings.inflightRecords() - sentAtNanos.size();
        if (window <= 0 || awaitingPuback >= settings.maxInflightMessages()) {
            return IDLE;
        }
        long wait = rate.delayNanos(nowNanos);
        if (wait > 0) {
            return wait;
        }
        List<StoredRecord> records = queue.claim(Math.min(window, settings.batchMaxRecords()));
        if (records.isEmpty()) {
            return IDLE;
        }
        rate.take(records.size(), nowNanos);
        List<RecordFrame> frames = new ArrayList<>(records.size());
        long bytes = 0;
        for (StoredRecord r : records) {
            long size = r.body().length + r.device().length() + r.kind().length() + FRAME_OVERHEAD;
            if (!frames.isEmpty() && bytes + size > settings.batchMaxBytes()) {
                send(publisher, frames, nowNanos);
                frames = new ArrayList<>();
                bytes = 0;
            }
            frames.add(new RecordFrame(r.seq(), r.timeMillis(), r.device(), r.kind(), r.priority().code(),
                    r.storedMillis() < connectedAtMillis, r.body()));
            bytes += size;
        }
        send(publisher, frames, nowNanos);
        return AGAIN;
    }

    private void send(Publisher publisher, List<RecordFrame> frames, long nowNanos) throws Exception {
        byte[] payload = codec.encode(new DataBatch(gatewayId, queue.incarnation(), run, frames));
        awaitingPuback++;
        publisher.publish(payload);
        for (RecordFrame f : frames) {
            sentAtNanos.put(f.seq(), nowNanos);
        }
        stats.batchesSent.incrementAndGet();
        stats.recordsSent.addAndGet(frames.size());
        stats.bytesSent.addAndGet(payload.length);
    }

    /** @return this drain's run: its batches carry it and only acknowledgements carrying it back delete records */
    long run() {
        return run;
    }

    private static long newRun() {
        SecureRandom random = new SecureRandom();
        long run;
        do {
            run = random.nextLong();
        } while (run == 0);
        return run;
    }

    /** The broker took one batch (PUBACK) or Paho gave up on it. */
    void published() {
        awaitingPuback = Math.max(0, awaitingPuback - 1);
    }

    /** The bridge recorded these records; they leave the window. @return how many were in it */
    int acknowledged(long[] seqs) {
        int known = 0;
        for (long seq : seqs) {
            if (sentAtNanos.remove(seq) != null) {
                known++;
            }
        }
        return known;
    }

    /** @return whether the oldest unacknowledged record waited longer than the acknowledgement timeout */
    boolean ackOverdue(long nowNanos) {
        Iterator<Long> oldest = sentAtNanos.values().iterator();
        return oldest.hasNext() && nowNanos - oldest.next() > settings.ackTimeout().toNanos();
    }

    /** @return records sent and not yet acknowledged */
    int unacknowledged() {
        return sentAtNanos.size();
    }

    /**
     * Forgets the records sent and not acknowledged (the store is told separately), e.g. after an acknowledgement
     * timeout or a bridge restart; batches still awaiting their PUBACK on this connection keep counting.
     *
     * @return how many were forgotten
     */
    int forgetUnacknowledged() {
        int n = sentAtNanos.size();
        sentAtNanos.clear();
        return n;
    }

    /** Forgets everything in flight (the store is told separately); the rate starts afresh. For a new connection. */
    void reset(long nowNanos) {
        sentAtNanos.clear();
        resendPending = false;
        awaitingPuback = 0;
        rate = new DrainRate(settings.drainRatePerSecond(), settings.batchMaxRecords(), nowNanos);
    }
}
