/**
 * The gateway's CoAP server, for the console, health and the bridge's key provisioning. The readings it hands on,
 * and the handler that takes them, are gateway API: {@code cn.taihang.gateway.api.sensor}.
 *
 * <ul>
 *   <li>{@link cn.taihang.coap.api.CoapSensorServer}: where the server listens, which sensors hold a
 *       key, and what it refused (for the console, health and tests).</li>
 *   <li>{@link cn.taihang.coap.api.SensorKeys}: the body of the bridge's {@code sensor-keys} command
 *       that provisions the pre-shared keys.</li>
 * </ul>
 */
@Export
@Version("2.0.0")
package cn.taihang.coap.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
