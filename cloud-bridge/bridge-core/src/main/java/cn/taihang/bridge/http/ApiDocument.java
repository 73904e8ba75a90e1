package cn.taihang.bridge.http;

import cn.taihang.bridge.module.BridgeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The bridge's OpenAPI 3.1 document, assembled at start from the core's part ({@value #CORE_PART}: info, health,
 * gateways, telemetry, metrics, the problem schema) and the part of each module ({@link BridgeModule#openApi()}: its
 * {@code paths} and {@code components}), so the document always describes exactly the routes this bridge serves.
 */
public final class ApiDocument {

    /** Classpath resource of the core's part. */
    public static final String CORE_PART = "cn/taihang/bridge/http/openapi.yaml";

    private ApiDocument() {
    }

    /**
     * @param modules the modules whose parts join the core's
     * @return the merged document as YAML
     * @throws IllegalStateException if a part is missing, is not a YAML map, or names a path or component another part
     *     already has (two modules cannot own one route)
     */
    public static byte[] merge(List<BridgeModule> modules) {
        Map<String, Object> document = load(ApiDocument.class.getClassLoader().getResource(CORE_PART), "the core");
        for (BridgeModule module : modules) {
            URL part = module.openApi();
            if (part != null) {
                add(document, load(part, "module " + module.name()), "module " + module.name());
            }
        }
        addRefusals(document);
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setWidth(160);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(dump), dump).dump(document).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every operation must say who may call it ({@code security}); each one that needs a credential answers the core's
     * 401 and 403 (copied from {@code components.responses}, so a reader of one operation sees them).
     */
    private static void addRefusals(Map<String, Object> document) {
        Map<String, Object> responses = asMap(map(document, "components").get("responses"), "the core");
        for (Map.Entry<String, Object> path : map(document, "paths").entrySet()) {
            for (Map.Entry<String, Object> operation : asMap(path.getValue(), "path " + path.getKey()).entrySet()) {
                Map<String, Object> op = asMap(operation.getValue(), "path " + path.getKey());
                if (!(op.get("security") instanceof List<?> security)) {
                    throw new IllegalStateException("the OpenAPI operation " + operation.getKey().toUpperCase() + " " + path.getKey()
                            + " does not say who may call it: give it security (an empty list for an open route)");
                }
                if (!security.isEmpty()) {
                    Map<String, Object> answers = map(op, "responses");
                    answers.putIfAbsent("401", copy(responses.get("Unauthorized")));
                    answers.putIfAbsent("403", copy(responses.get("Forbidden")));
                }
            }
        }
    }

    /** @return a deep copy of YAML data, so that the document written has no aliases */
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApiDocument::copy).collect(java.util.stream.Collectors.toList());
        }
        return value;
    }

    private static void add(Map<String, Object> document, Map<String, Object> part, String owner) {
        for (Map.Entry<String, Object> section : part.entrySet()) {
            switch (section.getKey()) {
                case "paths" -> addAll(map(document, "paths"), section.getValue(), owner, "path");
                case "components" -> {
                    Map<String, Object> components = map(document, "components");
                    for (Map.Entry<String, Object> kind : asMap(section.getValue(), owner).entrySet()) {
                        addAll(map(components, kind.getKey()), kind.getValue(), owner, kind.getKey());
                    }
                }
                default -> throw new IllegalStateException("the OpenAPI part of " + owner + " has '" + section.getKey()
                        + "'; a module's part holds only paths and components");
            }
        }
    }

    private static void addAll(Map<String, Object> into, Object entries, String owner, String what) {
        for (Map.Entry<String, Object> e : asMap(entries, owner).entrySet()) {
            if (into.putIfAbsent(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("the OpenAPI part of " + owner + " describes " + what + " '" + e.getKey()
                        + "', which another part already has");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String owner) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalStateException("the OpenAPI part of " + owner + " is not a YAML map where one is expected");
        }
        return (Map<String, Object>) m;
    }

    private static Map<String, Object> load(URL resource, String owner) {
        if (resource == null) {
            throw new IllegalStateException("the OpenAPI part of " + owner + " is missing from its jar");
        }
        try (InputStream in = resource.openStream()) {
            return asMap(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), owner);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI part of " + owner, e);
        }
    }
}
