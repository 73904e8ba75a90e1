package cn.taihang.remoteconfig.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Every configuration ConfigurationAdmin holds, by the key the Configurator format gives it ({@code pid}, {@code factoryPid~name}). */
final class InstalledConfigurations {

    private InstalledConfigurations() {
    }

    static Map<String, Map<String, Object>> of(ConfigurationAdmin admin) throws IOException {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        Configuration[] found;
        try {
            found = admin.listConfigurations(null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (Configuration c : found == null ? new Configuration[0] : found) {
            Dictionary<String, Object> properties = c.getProperties();
            if (properties != null) {
                Map<String, Object> values = new TreeMap<>();
                Collections.list(properties.keys()).forEach(k -> values.put(k, properties.get(k)));
                all.put(c.getFactoryPid() == null || c.getPid().startsWith(c.getFactoryPid() + "~") ? c.getPid() : c.getFactoryPid() + "~" + c.getPid(), values);
            }
        }
        return all;
    }
}
