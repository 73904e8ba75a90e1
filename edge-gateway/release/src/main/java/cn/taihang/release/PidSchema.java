package cn.taihang.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration a PID takes in a release, from the MetaType of the bundle that declares it.
 *
 * @param pid the PID, or for a factory the factory PID (configurations {@code pid~name})
 * @param factory whether it is a factory PID
 * @param attributes its attributes, ids unique
 */
public record PidSchema(String pid, boolean factory, List<AttributeSchema> attributes) {

    /** Validates and copies. @throws IllegalArgumentException on a repeated attribute id */
    public PidSchema {
        Objects.requireNonNull(pid, "pid");
        attributes = List.copyOf(attributes);
        if (attributes.stream().map(AttributeSchema::id).distinct().count() != attributes.size()) {
            throw new IllegalArgumentException("PID " + pid + " declares an attribute twice");
        }
    }

    /** @return the attribute with this id */
    public Optional<AttributeSchema> attribute(String id) {
        return attributes.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Checks properties against this PID's attributes.
     *
     * @param key the configuration's key for messages, e.g. {@code cn.taihang.counter.lane~l1}
     * @param properties property id → value; {@code service.*} and {@code felix.*} properties are ignored
     * @param complete whether {@code properties} is the whole configuration (then required attributes without a default
     *     must be present) or a fragment merged into one (then only the given values are checked)
     * @param strict whether a property no attribute declares is a problem (a pushed fragment: likely a typo) or ignored
     *     (an installed configuration: the component ignores it too)
     * @return what is wrong, one line each, empty if it fits
     */
    public List<String> problems(String key, Map<String, ?> properties, boolean complete, boolean strict) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> own = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (!k.startsWith("service.") && !k.startsWith("felix.")) {
                own.put(k, v);
            }
        });
        own.forEach((id, value) -> attribute(id).ifPresentOrElse(
                a -> a.problemWith(value).ifPresent(p -> problems.add(key + ": " + p)),
                () -> {
                    if (strict) {
                        problems.add(key + ": no attribute '" + id + "' (known: " + attributes.stream().map(AttributeSchema::id).toList() + ")");
                    }
                }));
        if (complete) {
            for (AttributeSchema a : attributes) {
                if (a.required() && a.defaults().isEmpty() && !own.containsKey(a.id())) {
                    problems.add(key + ": needs " + a.id() + ", which has no default");
                }
            }
        }
        return problems;
    }
}
