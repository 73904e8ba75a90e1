/**
 * The store opened outside OSGi, in the embedder's own process: benchmarks, scenarios, tools.
 *
 * <p>{@link cn.taihang.store.embedded.StoreOptions} starts from the MetaType defaults of PID {@code cn.taihang.store} (the
 * one place they are written) and changes only what the embedder names; {@link cn.taihang.store.embedded.EmbeddedStore}
 * opens the same SQLite store the gateway's component runs and hands out its ports: the {@code Outbox} producers
 * publish to, the {@code RecordQueue} and {@code DurableCounters} an uplink drains and counts with. Closing it writes what
 * is queued and closes the file.
 */
@Export
@Version("1.0.0")
package cn.taihang.store.embedded;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
