/**
 * The wire formats shared by gateways and the cloud bridge, documented here and in each codec.
 *
 * <p>Topics live under one versioned namespace ({@link cn.taihang.wire.Topics}). Payloads are CBOR
 * (RFC 8949): data travels as batches of records and comes back acknowledged
 * ({@link cn.taihang.wire.BatchCodec}), each record carrying its idempotency key (gateway id +
 * persisted monotonic sequence), its kind and a SenML pack (RFC 8428, {@link cn.taihang.wire.SenmlCodec}); the
 * lifecycle (birth, death, the bridge's state) follows Sparkplug B's ideas ({@link cn.taihang.wire.LifecycleCodec}). Every decoder
 * answers malformed, truncated or oversized input with a {@link cn.taihang.wire.WireFormatException},
 * never with another exception.
 */
@Export
@Version("2.2.0")
package cn.taihang.wire;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
