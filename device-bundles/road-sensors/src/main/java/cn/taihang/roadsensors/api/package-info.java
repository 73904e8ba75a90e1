/**
 * The road sensors of this gateway, as other bundles (the maintenance console) see them:
 * {@link cn.taihang.roadsensors.api.RoadSensors} lists every sensor with its place, presence, latest
 * values, active alarms and refusals.
 */
@Export
@Version("1.0.0")
package cn.taihang.roadsensors.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
