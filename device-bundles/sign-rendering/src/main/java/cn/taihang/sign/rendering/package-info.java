/**
 * What a sign shows, as plain Java: no OSGi, no I/O beyond reading the bundled font, no threads, no wall clock; the
 * gateway's sign bundle, the bridge and the simulator share it.
 *
 * <ul>
 *   <li><b>MULTI</b> (NTCIP 1203 markup): {@link cn.taihang.sign.rendering.MultiParser} reads the subset
 *       {@code [nl] [np] [pt] [jl] [jp] [fo] [cf]}; anything else is refused with a
 *       {@link cn.taihang.sign.rendering.MultiSyntaxException} naming the NTCIP error
 *       ({@link cn.taihang.sign.rendering.MultiError}) — never skipped.</li>
 *   <li><b>Rendering</b>: {@link cn.taihang.sign.rendering.MessageRenderer} lays pages out on a
 *       {@link cn.taihang.sign.rendering.PanelSpec} (size, colour scheme, defaults) with GNU Unifont glyphs
 *       ({@link cn.taihang.sign.rendering.HexFont}; font 1 = 16 px, font 2 = 32 px large type,
 *       {@link cn.taihang.sign.rendering.FontSet#bundledUnifont()}); text that does not fit is refused, never
 *       truncated. {@link cn.taihang.sign.rendering.PngEncoder} writes what a panel shows as a PNG (ImageIO).</li>
 * </ul>
 *
 * <p>Value types are immutable.
 */
@Export
@Version("1.0.0")
package cn.taihang.sign.rendering;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
