package cn.taihang.remoteconfig.internal;

import cn.taihang.release.ConfigSchema;
import cn.taihang.release.PidSchema;
import cn.taihang.release.build.MetaTypeXml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration schema of the bundles running now: their MetaType resources ({@code OSGI-INF/metatype/*.xml}, what
 * the MetaType service serves), read with their ranges, which the MetaType service's API does not show. A bundle that is
 * not started declares nothing.
 */
final class RunningSchema {

    private static final Logger LOG = LoggerFactory.getLogger(RunningSchema.class);

    private RunningSchema() {
    }

    static ConfigSchema of(BundleContext context) {
        MetaTypeXml xml = new MetaTypeXml();
        Map<String, PidSchema> pids = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                continue;
            }
            Enumeration<URL> entries = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
            while (entries != null && entries.hasMoreElements()) {
                URL entry = entries.nextElement();
                try (InputStream in = entry.openStream()) {
                    xml.read(in, bundle.getSymbolicName() + "!" + entry.getPath()).forEach(p -> pids.putIfAbsent(p.pid(), p));
                } catch (IOException e) {
                    LOG.warn("the MetaType of {} cannot be read, its PIDs cannot be pushed: {}", bundle.getSymbolicName(), e.getMessage());
                }
            }
        }
        return new ConfigSchema(pids);
    }
}
