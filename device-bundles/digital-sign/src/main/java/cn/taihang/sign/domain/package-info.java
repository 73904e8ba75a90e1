/**
 * Digital sign logic as plain Java: no OSGi, no I/O, no threads, no wall clock (every method that needs
 * the time takes it), so gateway, bridge and simulator share it and tests drive it directly.
 *
 * <ul>
 *   <li><b>MULTI</b> (NTCIP 1203 markup): {@link cn.taihang.sign.domain.MultiParser} reads the subset
 *       {@code [nl] [np] [pt] [jl] [jp] [fo] [cf]}; anything else is refused with a
 *       {@link cn.taihang.sign.domain.MultiSyntaxException} naming the NTCIP error
 *       ({@link cn.taihang.sign.domain.MultiError}) — never skipped.</li>
 *   <li><b>Rendering</b>: {@link cn.taihang.sign.domain.MessageRenderer} lays pages out on a
 *       {@link cn.taihang.sign.domain.PanelSpec} (size, colour scheme, defaults) with GNU Unifont glyphs
 *       ({@link cn.taihang.sign.domain.HexFont}; font 1 = 16 px, font 2 = 32 px large type,
 *       {@link cn.taihang.sign.domain.FontSet}); text that does not fit is refused, never truncated.
 *       {@link cn.taihang.sign.domain.PngEncoder} writes what a panel shows as a compact PNG.</li>
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
@Version("1.0.0")
package cn.taihang.sign.domain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
