/**
 * The record vocabulary: every record kind a gateway sends, with its kind string, the priority class it
 * implies and its measurements (SenML name, unit, value type). Producers on the gateways build their
 * records from these constants and the bridge's listeners read them back with the same constants, so a
 * misspelt kind or measurement does not compile.
 *
 * <p>The strings are the wire format: they are the bytes old gateways send and stored databases hold,
 * and change only with a new topic namespace version. {@link cn.taihang.wire.records.RecordKinds} holds
 * the kind strings and lists every {@link cn.taihang.wire.records.RecordKind}; one class per kind (or pair
 * of kinds sharing their measurements) holds its {@link cn.taihang.wire.records.Metric}s and
 * {@link cn.taihang.wire.records.MetricFamily}s and says who produces and who consumes it. Plain Java, no
 * dependencies.
 */
@Export
@Version("1.0.0")
package cn.taihang.wire.records;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
