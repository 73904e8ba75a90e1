/**
 * Sensor readings as the gateway receives them from its 5G roadside sensors, for the device bundle that acts on them.
 *
 * <ul>
 *   <li>{@link cn.taihang.gateway.api.sensor.SensorMessageHandler}: the one consumer (the road-sensors bundle)
 *       registers it as an OSGi service; the gateway's CoAP server hands it every accepted SenML pack as a
 *       {@link cn.taihang.gateway.api.sensor.SensorMessage} of {@link cn.taihang.gateway.api.sensor.SensorValue}s and
 *       answers the sensor with the CoAP code that matches the returned
 *       {@link cn.taihang.gateway.api.sensor.IngestResult}.</li>
 * </ul>
 *
 * <p>Plain Java, no transport types: a device bundle handling readings never depends on the CoAP implementation.
 */
@Export
@Version("1.0.0")
package cn.taihang.gateway.api.sensor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
