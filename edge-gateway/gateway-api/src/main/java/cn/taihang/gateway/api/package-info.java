/**
 * The services a Taihang gateway offers its device bundles.
 *
 * <ul>
 *   <li>{@link cn.taihang.gateway.api.Outbox}: publish a record with a priority class; it is stored
 *       durably and forwarded to the cloud bridge exactly once, uplink or not. Records are built from the
 *       wire format's record vocabulary ({@code cn.taihang.wire.records}): a kind's
 *       {@code RecordKind} and its {@code Metric}s.</li>
 *   <li>{@link cn.taihang.gateway.api.Device}: a device bundle registers one service per device it
 *       drives (whiteboard); {@link cn.taihang.gateway.api.DeviceRegistry} lists them with their
 *       per-channel status.</li>
 *   <li>{@link cn.taihang.gateway.api.HealthIndicator}: whiteboard of health checks, aggregated by
 *       {@link cn.taihang.gateway.api.GatewayHealth}.</li>
 *   <li>{@link cn.taihang.gateway.api.GatewayIdentity}: who and where this gateway is, and where its identity files are.</li>
 *   <li>{@link cn.taihang.gateway.api.ClockStatus}: whether the wall clock is known synchronised (no expiry, and births say
 *       so, while it is not).</li>
 *   <li>{@link cn.taihang.gateway.api.LocalLedger}: a small durable key-value store (versioned entries,
 *       compare-and-set, expiry) for state that must survive restarts offline, e.g. a validator's ledger.</li>
 *   <li>{@link cn.taihang.gateway.api.TicketCheck}: a ticket gate's "test scan" and its latest scans
 *       ({@link cn.taihang.gateway.api.ScanEntry}) for the maintenance console.</li>
 *   <li>{@link cn.taihang.gateway.api.SignDisplay}: a digital sign's picture of what it shows
 *       ({@link cn.taihang.gateway.api.SignSnapshot}) and the crew's test message and test pattern, for the console.</li>
 * </ul>
 */
@Export
@Version("1.3.0")
package cn.taihang.gateway.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
