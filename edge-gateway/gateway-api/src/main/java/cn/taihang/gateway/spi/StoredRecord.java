package cn.taihang.gateway.spi;

import cn.taihang.gateway.api.Priority;

/**
 * A record as the store holds it, ready for the wire.
 *
 * @param seq the gateway's persisted, monotonic sequence number: with the gateway id, the record's
 *     idempotency key
 * @param priority priority class
 * @param timeMillis when the measured thing happened, ms since the Unix epoch
 * @param storedMillis when the store committed it, ms since the Unix epoch
 * @param device device id
 * @param kind record kind
 * @param body the measurements, encoded as a SenML CBOR pack by the wire-format module
 */
public record StoredRecord(long seq, Priority priority, long timeMillis, long storedMillis, String device, String kind, byte[] body) {}
