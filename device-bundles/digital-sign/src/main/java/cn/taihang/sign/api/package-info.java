/**
 * The digital signs of a gateway as OSGi services: {@link cn.taihang.sign.api.Sign} (one per sign) gives a
 * {@link cn.taihang.sign.api.SignView} with the image of what the panel shows, and takes activations — for the
 * maintenance console and the bridge's {@code sign-message} command.
 */
@Export
@Version("1.0.0")
package cn.taihang.sign.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
