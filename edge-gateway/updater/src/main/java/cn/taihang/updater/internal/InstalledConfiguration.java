package cn.taihang.updater.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The gateway's configurations as ConfigurationAdmin holds them, keyed as the Configurator format names them. */
final class InstalledConfiguration {

    private InstalledConfiguration() {
    }

    /**
     * @return configuration key ({@code pid}, or {@code factoryPid~name}) → its properties
     * @throws IOException if ConfigurationAdmin cannot list them
     */
    static Map<String, Map<String, Object>> of(ConfigurationAdmin admin) throws IOException {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        try {
            Configuration[] configurations = admin.listConfigurations(null);
            for (Configuration c : configurations == null ? new Configuration[0] : configurations) {
                Dictionary<String, Object> properties = c.getProperties();
                if (properties == null) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (String key : Collections.list(properties.keys())) {
                    values.put(key, properties.get(key));
                }
                all.put(key(c), values);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    private static String key(Configuration c) {
        String factory = c.getFactoryPid();
        if (factory == null) {
            return c.getPid();
        }
        return c.getPid().startsWith(factory + "~") ? c.getPid() : factory + "~" + c.getPid();
    }
}
