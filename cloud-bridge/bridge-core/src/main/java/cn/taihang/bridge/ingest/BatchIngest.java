package cn.taihang.bridge.ingest;

import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.Topics;
import cn.taihang.wire.WireFormatException;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data path: decode a batch, store it in one transaction, and acknowledge every sequence number of the batch
 * (new, duplicate, rejected or kept as a conflict) only after the commit succeeded, to the batch's run (so a second
 * store under the same gateway id does not delete its records on another store's acknowledgement).
 */
public final class BatchIngest {

    /** Reason code for a batch whose gateway differs from its topic's. */
    public static final String GATEWAY_MISMATCH = "GATEWAY_MISMATCH";

    private static final Logger LOG = LoggerFactory.getLogger(BatchIngest.class);

    private final BatchCodec codec;
    private final RecordDecoder decoder;
    private final RecordWriter writer;
    private final AckSender acks;
    private final IngestMetrics metrics;
    private final RepeatFilter repeats;
    private final SenderCheck senders;
    private final StoreAnomalies anomalies;

    /** Wires the data path. */
    public BatchIngest(BatchCodec codec, RecordDecoder decoder, RecordWriter writer, AckSender acks, IngestMetrics metrics, RepeatFilter repeats,
                       SenderCheck senders, StoreAnomalies anomalies) {
        this.senders = senders;
        this.anomalies = anomalies;
        this.codec = codec;
        this.decoder = decoder;
        this.writer = writer;
        this.acks = acks;
        this.metrics = metrics;
        this.repeats = repeats;
    }

    /**
     * @param address the data topic it came on
     * @param payload the message
     * @param arrivalNanos {@link System#nanoTime()} at arrival
     * @return completes when the batch is handled (stored and acked, refused, or failed); never fails
     */
    public Future<Void> onData(Topics.Address address, byte[] payload, long arrivalNanos) {
        DataBatch batch;
        try {
            batch = codec.decode(payload);
        } catch (WireFormatException e) {
            refuse(address, e.reason().name(), e.getMessage());
            return Future.succeededFuture();
        }
        if (!batch.gateway().equals(address.gateway())) {
            senders.refuse(address, SenderCheck.OTHER_GATEWAY, "a data batch on " + address.site() + "/" + address.gateway()
                    + " names gateway " + batch.gateway() + "; refused, not acknowledged");
            metrics.batchUndecodable(GATEWAY_MISMATCH);
            return Future.succeededFuture();
        }
        if (!senders.believe("data batch", address, false)) {
            metrics.batchUndecodable("UNBELIEVED");
            return Future.succeededFuture();
        }
        anomalies.heard(address, batch);
        DecodedBatch decoded = decoder.decode(address.site(), batch, System.currentTimeMillis());
        for (DecodedBatch.Rejected r : decoded.rejected()) {
            metrics.rejected(IngestMetrics.SCOPE_RECORD, r.reason());
            if (repeats.firstTime("record|" + address.gateway() + "|" + r.reason())) {
                LOG.warn("gateway {} sent record {} with a bad body ({}: {}); kept in table 'rejected' and acknowledged. "
                        + "Further records of this kind from this gateway are counted, not logged.", address.gateway(), r.frame().seq(), r.reason(), r.detail());
            }
        }
        return writer.store(decoded).map(outcome -> {
            anomalies.conflicts(address, outcome.conflicts());
            acks.send(address.site(), address.gateway(), new Ack(batch.run(), decoded.seqs()));
            metrics.batchStored(outcome.newRecords(), outcome.duplicates(), outcome.newRejected(), outcome.conflicts().size(), arrivalNanos);
            return (Void) null;
        }).recover(err -> {
            metrics.batchFailed();
            if (repeats.firstTime("store|" + address.gateway() + "|" + err.getClass().getName())) {
                LOG.error("could not store a batch of {} records from gateway {}; not acknowledged, the gateway will resend. "
                        + "Check the disk and the database file: {}", decoded.size(), address.gateway(), err.toString());
            }
            return Future.succeededFuture();
        });
    }

    private void refuse(Topics.Address address, String reason, String detail) {
        metrics.batchUndecodable(reason);
        if (repeats.firstTime("batch|" + address.gateway() + "|" + reason)) {
            LOG.warn("refused a data batch on {}/{} ({}: {}); not acknowledged. Check that gateway's software version. "
                    + "Further batches like it are counted (bridge_ingest_rejected_total), not logged.", address.site(), address.gateway(), reason, detail);
        }
    }
}
