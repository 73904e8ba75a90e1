package cn.taihang.gateway.api.sensor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One SenML pack from one sensor, decoded.
 *
 * @param sensorId the sensor, as provisioned (from its DTLS pre-shared-key identity, or on a lab's plain
 *     CoAP port from the {@code sensor} query parameter)
 * @param transport how it arrived
 * @param receivedAt when the gateway received it
 * @param values the pack's records, in order, at least one
 */
public record SensorMessage(String sensorId, Transport transport, Instant receivedAt, List<SensorValue> values) {

    /** How a message arrived. */
    public enum Transport {
        /** POST over CoAP over DTLS with the sensor's pre-shared key. */
        DTLS,
        /** POST over plain CoAP (lab configuration only). */
        PLAIN,
        /** A notification of a sensor that is a CoAP server, observed by the gateway. */
        OBSERVE
    }

    /** Validates and copies. */
    public SensorMessage {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(receivedAt, "receivedAt");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sensor message carries at least one value");
        }
    }
}
