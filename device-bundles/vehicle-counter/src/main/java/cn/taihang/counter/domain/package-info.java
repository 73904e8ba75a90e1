/**
 * Inductive-loop vehicle counting as plain Java: no OSGi, no I/O, no threads, no wall clock. Time
 * comes in as timestamps in microseconds since the Unix epoch, as the hardware stamps its edges.
 *
 * <p>One {@link cn.taihang.counter.domain.LaneCounter} per lane turns raw detector edges into
 * per-interval aggregates ({@link cn.taihang.counter.domain.IntervalReport}):
 * <ol>
 *   <li><b>debounce</b> per loop: a level change counts only if it persists for the debounce time;
 *       a shorter glitch is dropped with its partner; confirmed edges keep their original
 *       timestamps;</li>
 *   <li><b>detection</b>: on a dual-loop lane (loop A upstream, loop B downstream) speed =
 *       spacing / (B on − A on), length = speed × mean occupancy time − loop length, then a
 *       {@link cn.taihang.counter.domain.LengthClass} from a
 *       {@link cn.taihang.counter.domain.LengthClassifier}; B before A is wrong-way; a missing loop
 *       gives an unclassified count; a loop occupied for too long is a fault. A single-loop lane
 *       only counts;</li>
 *   <li><b>aggregation</b> into intervals aligned to multiples of the interval length since the
 *       epoch, closed a grace period after their end; empty intervals are reported too.</li>
 * </ol>
 *
 * <p>{@link cn.taihang.counter.domain.VehicleTimeline} goes the other way: it builds the raw edges
 * that vehicles of a given length and speed produce on a lane's loops, for tests and the
 * simulator. {@link cn.taihang.counter.domain.LaneConfig} holds a lane's validated settings and the
 * defaults the gateway's configuration uses.
 *
 * <p>Nothing here is thread-safe: confine a counter to one thread (the gateway uses one executor
 * per lane). Value types (records, enums, {@link cn.taihang.counter.domain.LengthClassifier}) are
 * immutable.
 */
@Export
@Version("1.0.0")
package cn.taihang.counter.domain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
