/**
 * Service interfaces between gateway internals (store, cloud link, console). Device bundles must not
 * use this package; they use {@code cn.taihang.gateway.api}.
 */
@Export
@Version("1.1.0")
package cn.taihang.gateway.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
