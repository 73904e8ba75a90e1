package cn.taihang.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration a release expects: every PID its bundles declare in MetaType, with their attributes. A gateway checks
 * its installed configuration against the schema of a release before staging it; the bridge checks a pushed fragment
 * against the schema of the release a gateway runs before sending it.
 *
 * @param pids PID (factory PID for factories) → schema, sorted
 */
public record ConfigSchema(Map<String, PidSchema> pids) {

    /** Copies, sorted by PID. */
    public ConfigSchema {
        pids = java.util.Collections.unmodifiableMap(new TreeMap<>(pids));
    }

    /** @return a schema of no PIDs */
    public static ConfigSchema empty() {
        return new ConfigSchema(Map.of());
    }

    /**
     * @param key a configuration key: a PID, or {@code factoryPid~name}
     * @return the schema of the PID or factory it belongs to
     */
    public Optional<PidSchema> forKey(String key) {
        int tilde = key.indexOf('~');
        PidSchema schema = pids.get(tilde < 0 ? key : key.substring(0, tilde));
        return schema == null || schema.factory() != (tilde >= 0) ? Optional.empty() : Optional.of(schema);
    }

    /**
     * Checks configurations against the schema.
     *
     * @param configurations configuration key → its properties
     * @param complete whether each is the whole configuration (see {@link PidSchema#problems})
     * @param strict whether unknown PIDs and attributes are problems (a pushed fragment) or ignored (installed ones: a PID
     *     of a bundle this release no longer has configures nothing)
     * @return what is wrong, one line each, empty if everything fits
     */
    public List<String> problems(Map<String, ? extends Map<String, ?>> configurations, boolean complete, boolean strict) {
        List<String> problems = new ArrayList<>();
        configurations.forEach((key, properties) -> forKey(key).ifPresentOrElse(
                schema -> problems.addAll(schema.problems(key, properties, complete, strict)),
                () -> {
                    if (strict) {
                        problems.add(key + ": no bundle of this release declares " + (key.contains("~") ? "the factory PID " : "the PID ")
                                + key.split("~", 2)[0]);
                    }
                }));
        return problems;
    }
}
