package cn.taihang.remoteconfig.internal;

import cn.taihang.release.AttributeSchema;
import cn.taihang.release.ConfigSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of the configuration a gateway runs: SHA-256 over a canonical form — configurations sorted by key, properties
 * by name, each value as its type and text (arrays and lists element by element) — leaving out what ConfigurationAdmin
 * adds ({@code service.*}, {@code felix.*}) and the values of secrets (MetaType type {@code Password}, or a name starting
 * with {@code .}), which count only as present. Two gateways with the same values have the same hash, whatever order the
 * values were set in. Pure: no framework.
 */
final class ConfigHash {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigHash() {
    }

    /**
     * @param configurations configuration key ({@code pid} or {@code factoryPid~name}) → its properties
     * @param schema the running MetaType, to know which attributes are secrets
     * @return the hash, 64 hex digits
     */
    static String of(Map<String, ? extends Map<String, ?>> configurations, ConfigSchema schema) {
        ObjectNode canonical = JSON.createObjectNode();
        new TreeMap<String, Map<String, ?>>(configurations).forEach((key, properties) -> {
            ObjectNode node = canonical.putObject(key);
            new TreeMap<String, Object>(properties).forEach((name, value) -> {
                if (name.startsWith("service.") || name.startsWith("felix.") || value == null) {
                    return;
                }
                ArrayNode shown = node.putArray(name);
                if (secret(schema, key, name)) {
                    shown.add("(secret)");
                    return;
                }
                shown.add(value.getClass().isArray() ? "array" : value instanceof Collection<?> ? "list" : "one");
                for (Object element : elements(value)) {
                    shown.add(element == null ? "null" : element.getClass().getSimpleName() + ":" + element);
                }
            });
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a configuration", e);
        }
    }

    private static boolean secret(ConfigSchema schema, String key, String name) {
        return name.startsWith(".") || schema.forKey(key).flatMap(p -> p.attribute(name)).map(AttributeSchema::secret).orElse(false);
    }

    static Object[] elements(Object value) {
        if (value.getClass().isArray()) {
            Object[] out = new Object[Array.getLength(value)];
            for (int i = 0; i < out.length; i++) {
                out[i] = Array.get(value, i);
            }
            return out;
        }
        if (value instanceof Collection<?> c) {
            return c.toArray();
        }
        return new Object[] {value};
    }
}
