/**
 * Sign message control as plain Java: no OSGi, no I/O, no threads, no wall clock (every method that needs the
 * time takes it), so tests drive it directly. What a message looks like is in {@code cn.taihang.sign.rendering}
 * (bundle sign-rendering).
 *
 * <ul>
 *   <li><b>Message control</b> (NTCIP 1203 semantics): {@link cn.taihang.sign.domain.MessageController} —
 *       activation priority against the run-time priority, durations and the end-duration message,
 *       comms loss, power recovery, reset, day plans ({@link cn.taihang.sign.domain.DayPlan}) and local safety
 *       warnings ({@link cn.taihang.sign.domain.SafetyWarning}) on top.</li>
 *   <li><b>Brightness</b> by photocell or schedule: {@link cn.taihang.sign.domain.BrightnessControl}.</li>
 * </ul>
 *
 * <p>Value types are immutable; the controller is confined to one thread.
 */
@Export
@Version("2.0.0")
package cn.taihang.sign.domain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
