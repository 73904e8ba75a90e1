/**
 * The hardware abstraction of a Taihang gateway, published as OSGi services.
 *
 * <p>Device bundles depend only on this package: {@link cn.taihang.hardware.api.Gpio} for digital
 * inputs (edge events timestamped at the source, in microseconds since the Unix epoch) and digital
 * outputs (relays, LEDs, buzzers), and {@link cn.taihang.hardware.api.SerialPorts} for line-oriented
 * serial devices such as QR scanner modules. Implementations: Pi4J v2 on a Raspberry Pi
 * ({@code hardware-pi4j}) and a simulated board driven by the simulator ({@code hardware-sim}).
 *
 * <p>Pins are numbered in the board's native GPIO numbering (BCM on a Raspberry Pi); the
 * {@link cn.taihang.hardware.api.BoardProfile} says which numbers exist and which are reserved.
 */
@Export
@Version("1.0.0")
package cn.taihang.hardware.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
