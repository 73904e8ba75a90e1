/**
 * Configuration helpers for the gateway's bundles: {@link cn.taihang.gateway.api.config.Ranges} checks a configured
 * number against the range its MetaType interface declares, from the same constants.
 */
@Export
@Version("1.0.0")
package cn.taihang.gateway.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
