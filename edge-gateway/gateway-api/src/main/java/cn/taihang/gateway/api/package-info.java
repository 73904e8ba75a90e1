/**
 * The services a Taihang gateway offers its device bundles.
 *
 * <ul>
 *   <li>{@link cn.taihang.gateway.api.Outbox}: publish a record with a priority class; it is stored
 *       durably and forwarded to the cloud bridge exactly once, uplink or not.</li>
 *   <li>{@link cn.taihang.gateway.api.Device}: a device bundle registers one service per device it
 *       drives (whiteboard); {@link cn.taihang.gateway.api.DeviceRegistry} lists them with their
 *       per-channel status.</li>
 *   <li>{@link cn.taihang.gateway.api.HealthIndicator}: whiteboard of health checks, aggregated by
 *       {@link cn.taihang.gateway.api.GatewayHealth}.</li>
 *   <li>{@link cn.taihang.gateway.api.GatewayIdentity}: who and where this gateway is.</li>
 * </ul>
 */
@Export
@Version("1.0.0")
package cn.taihang.gateway.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
