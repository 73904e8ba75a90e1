/**
 * Software releases of the gateway: a {@link cn.taihang.release.ReleaseManifest} names every bundle by symbolic name,
 * version, SHA-256 and size, with the boards it is built for, the APIs it expects the launcher to share and the
 * configuration schema its bundles declare ({@link cn.taihang.release.ConfigSchema}); it is signed with a release key
 * ({@link cn.taihang.release.ReleaseSigner}, Ed25519) that is separate from the ticket and command keys, and checked
 * against the pinned keys ({@link cn.taihang.release.ReleaseVerifier}) before anything of it is used. Bundles are fetched
 * and kept by content (SHA-256), so a gateway downloads only what it does not hold.
 */
@Export
@Version("1.1.0")
package cn.taihang.release;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
