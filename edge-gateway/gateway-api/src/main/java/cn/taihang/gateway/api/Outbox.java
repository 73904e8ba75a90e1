package cn.taihang.gateway.api;

import java.util.concurrent.CompletionStage;

/**
 * Durable store-and-forward of records towards the cloud bridge, as an OSGi service.
 *
 * <p>A record is accepted only once it is committed durably: a power cut after the returned stage
 * completes does not lose it. It is then forwarded when the uplink allows, and recorded by the bridge
 * exactly once under its idempotency key (gateway id + the sequence number the stage completes with).
 */
public interface Outbox {

    /**
     * Stores a record for forwarding. Never blocks the caller on I/O.
     *
     * @param record the record, never {@code null}
     * @return a stage completing with the record's sequence number once it is durable, or failing with
     *     an {@link OutboxException} that says why it was refused
     */
    CompletionStage<Long> publish(OutboundRecord record);
}
