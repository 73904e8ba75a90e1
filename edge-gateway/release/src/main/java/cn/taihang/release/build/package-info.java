/**
 * Building a release from a distribution's bundles directory ({@link cn.taihang.release.build.ReleaseBuilder}): the
 * release tool and tests use it; a gateway uses only {@link cn.taihang.release.build.MetaTypeXml}, to read the MetaType of
 * its running bundles.
 */
@Export
@Version("1.1.0")
package cn.taihang.release.build;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
