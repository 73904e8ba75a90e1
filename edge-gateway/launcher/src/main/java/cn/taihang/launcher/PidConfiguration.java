package cn.taihang.launcher;

import java.util.Map;

/**
 * One configuration read from the gateway's configuration file.
 *
 * @param key the key as written in the file: {@code pid} or {@code factoryPid~name}
 * @param pid the PID of a singleton configuration, or the factory PID of a factory configuration
 * @param name the name of a factory configuration, or {@code null} for a singleton
 * @param properties typed property values (String, Long, Double, Boolean, Integer… or arrays of them)
 */
public record PidConfiguration(String key, String pid, String name, Map<String, Object> properties) {

    /** @return whether this is a named factory configuration */
    public boolean isFactory() {
        return name != null;
    }
}
