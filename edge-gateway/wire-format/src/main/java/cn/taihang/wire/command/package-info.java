/**
 * Trust in commands: what lets a gateway tell the bridge's commands from anyone else's.
 *
 * <ul>
 *   <li>Every command (per gateway and fleet-wide) is a version-2 envelope ({@link cn.taihang.wire.CommandCodec}) signed
 *       by a <b>command key</b> of the bridge — a key set of its own, apart from ticket and release keys — over its
 *       name, id, target (a gateway id or {@code fleet}), issue and expiry times, the key id and the body.</li>
 *   <li>A gateway pins the command keys it trusts at enrolment ({@link cn.taihang.wire.command.CommandAnchor}, a file in
 *       its identity directory) and checks each command with a
 *       {@link cn.taihang.wire.command.CommandVerifier}: signature, target and topic, validity window; it refuses ids
 *       not above the last it applied of that name (replays).</li>
 *   <li>Rotating the command key is itself a signed fleet command
 *       ({@link cn.taihang.wire.command.CommandKeyRotation}), signed by the current key and naming the next.</li>
 *   <li>Bodies that are secrets (a gateway's sensor keys) are sealed to that gateway's X25519 key with HPKE
 *       ({@link cn.taihang.wire.command.SealedBody}) inside the signed envelope.</li>
 * </ul>
 *
 * Gateways of this build never act on version-1 (unsigned) envelopes. Rollout: upgrade the bridge first (older gateways
 * cannot read version 2 and keep their last applied state until upgraded), then each gateway together with its anchor.
 */
@Export
@Version("1.0.0")
package cn.taihang.wire.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
