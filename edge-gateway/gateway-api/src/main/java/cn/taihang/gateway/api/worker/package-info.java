/**
 * Threads for the gateway's bundles.
 *
 * <ul>
 *   <li>{@link cn.taihang.gateway.api.worker.DeviceWorker}: the one thread of a device (a gate, a key locker, a
 *       lane, a sign): every event, command and deadline of the device runs on it in order, a failing task is
 *       logged once and the device goes on, and stopping waits a bounded time.</li>
 *   <li>{@link cn.taihang.gateway.api.worker.DaemonThreads}: named daemon threads for everything else.</li>
 * </ul>
 */
@Export
@Version("1.0.0")
package cn.taihang.gateway.api.worker;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
