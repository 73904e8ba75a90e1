package cn.taihang.gateway.api.sensor;

import java.util.concurrent.CompletionStage;

/**
 * Takes the sensor messages the CoAP server accepted, registered as an OSGi service (one per gateway: the
 * road-sensors bundle). Called on the server's threads, concurrently for different sensors.
 */
public interface SensorMessageHandler {

    /**
     * Evaluates a message and stores it. Must not block on I/O: local reactions (alarms) happen before
     * returning, durability completes the stage.
     *
     * @param message the message, never {@code null}
     * @return completes with the verdict once the readings are stored (or refused); a stage failing
     *     exceptionally is answered like {@link IngestResult.Outcome#BUSY} and logged
     */
    CompletionStage<IngestResult> handle(SensorMessage message);
}
