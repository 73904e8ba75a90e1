/**
 * The gateway's software slots: the distribution's own {@code bundles/} ({@code factory}) and two writable slots
 * {@code a} and {@code b}, one committed, the other staged into. {@link cn.taihang.slots.SlotManager} keeps the state
 * file and decides at each boot; {@link cn.taihang.slots.SlotControl} is what the updater bundle uses. This package lives
 * on the launcher's class path and is exported by the system bundle.
 */
@Export
@Version("1.0.0")
package cn.taihang.slots;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
