/**
 * Sensor readings as the gateway's CoAP server receives them, for the bundles that act on them.
 *
 * <ul>
 *   <li>{@link cn.taihang.coap.api.SensorMessageHandler}: the one consumer (the road-sensors bundle)
 *       registers it as an OSGi service; the server hands it every accepted SenML pack as a
 *       {@link cn.taihang.coap.api.SensorMessage} and answers the sensor with the CoAP code that
 *       matches the returned {@link cn.taihang.coap.api.IngestResult}.</li>
 *   <li>{@link cn.taihang.coap.api.CoapSensorServer}: where the server listens, which sensors hold a
 *       key, and what it refused (for the console, health and tests).</li>
 *   <li>{@link cn.taihang.coap.api.SensorKeys}: the body of the bridge's {@code sensor-keys} command
 *       that provisions the pre-shared keys.</li>
 * </ul>
 */
@Export
@Version("1.0.0")
package cn.taihang.coap.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
