/**
 * Building blocks for implementations of the hardware API (Pi4J, the simulated board), so that every
 * implementation keeps pins, pulses and serial lines the same way. Device bundles do not use this package.
 *
 * <p>{@link cn.taihang.hardware.spi.PinTable} holds one owner per pin and answers
 * {@link cn.taihang.hardware.api.Gpio#pins()}; {@link cn.taihang.hardware.spi.HeldPin} records the
 * level, edges and timestamps of one held pin; {@link cn.taihang.hardware.spi.HeldInput} and
 * {@link cn.taihang.hardware.spi.HeldOutput} are the digital input and output over a held pin and a
 * driver; {@link cn.taihang.hardware.spi.PulseTimer} ends output pulses;
 * {@link cn.taihang.hardware.spi.LineReader} cuts a character stream into bounded lines;
 * {@link cn.taihang.hardware.spi.DaemonThreads} names the threads that deliver events and read lines.
 */
@Export
@Version("1.1.0")
package cn.taihang.hardware.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
