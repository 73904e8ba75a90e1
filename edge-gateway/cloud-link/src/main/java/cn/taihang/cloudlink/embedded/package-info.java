/**
 * The gateway's MQTT uplink run outside OSGi, in the embedder's own process: benchmarks, scenarios, tools.
 *
 * <p>{@link cn.taihang.cloudlink.embedded.UplinkOptions} starts from the MetaType defaults of PID
 * {@code cn.taihang.cloudlink} (the one place they are written) and changes only what the embedder names;
 * {@link cn.taihang.cloudlink.embedded.EmbeddedUplink} drains a record queue (for example an embedded store's) to a
 * broker exactly as a gateway does: QoS 1 batches, deleted on the bridge's acknowledgement, births and deaths with a
 * durable {@code bdSeq}, paced after each connect. It takes no commands from the bridge.
 */
@Export
@Version("1.0.0")
package cn.taihang.cloudlink.embedded;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
