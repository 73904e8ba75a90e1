package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.releases.rollout.Targets;
import cn.taihang.release.ConfigPush;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A configuration push as the API takes it: {@code {"targets": {"all": true} | {"sites": […], "gateways": […]},
 * "configuration": {pid: {property: value}}, "note": "…"}}, the configuration in the Configurator resource format (a
 * property name may carry a type, {@code name:Integer}), at most {@value ConfigPush#MAX_BYTES} bytes. Checked here for
 * its shape only; its values are checked against MetaType by each gateway, and by the bridge against the schema of each
 * release it holds that a target runs.
 *
 * @param targetsJson the targets as stored
 * @param targets which gateways
 * @param configuration the fragment
 * @param note why, for people; may be empty
 */
record ConfigRequest(JsonObject targetsJson, Targets targets, JsonObject configuration, String note) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*(~[A-Za-z0-9_.-]+)?");
    private static final int MAX_NOTE = 500;

    /** @return the request; fails INVALID naming the field and the reason ({@code malformed}, {@code too-large}) */
    static ConfigRequest of(JsonObject body) {
        Object targets = body.getValue("targets");
        Object configuration = body.getValue("configuration");
        Object note = body.getValue("note", "");
        if (!(targets instanceof JsonObject t)) {
            throw ServiceException.invalid("targets", "{\"all\": true} or {\"sites\": [...], \"gateways\": [...]}", "a push names its targets")
                    .withReason("malformed");
        }
        if (!(configuration instanceof JsonObject c)) {
            throw ServiceException.invalid("configuration", "an object of PIDs, e.g. {\"cn.taihang.cloudlink\": {\"inflightRecords\": 300}}",
                    "a push carries a configuration object").withReason("malformed");
        }
        if (!(note instanceof String n) || n.length() > MAX_NOTE) {
            throw ServiceException.invalid("note", "text of at most " + MAX_NOTE + " characters", "bad note").withReason("malformed");
        }
        int bytes = c.encode().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ConfigPush.MAX_BYTES) {
            throw ServiceException.invalid("configuration", "at most " + ConfigPush.MAX_BYTES + " bytes of JSON", "the configuration is " + bytes + " bytes")
                    .withReason("too-large");
        }
        Targets selection;
        try {
            selection = RolloutJson.targets(t);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw ServiceException.invalid("targets", "{\"all\": true} or {\"sites\": [...], \"gateways\": [...]}", "bad targets: " + e.getMessage())
                    .withReason("malformed");
        }
        c.forEach(e -> checkEntry(e.getKey(), e.getValue()));
        if (c.fieldNames().stream().noneMatch(k -> !k.startsWith(":configurator:"))) {
            throw ServiceException.invalid("configuration", null, "the configuration names no PID").withReason("malformed");
        }
        return new ConfigRequest(t, selection, c, n);
    }

    private static void checkEntry(String key, Object value) {
        if (key.startsWith(":configurator:")) {
            return;
        }
        String where = "configuration." + key;
        if (!KEY.matcher(key).matches()) {
            throw ServiceException.invalid("configuration", "PIDs, e.g. cn.taihang.store or cn.taihang.counter.lane~l1", "'" + key + "' is not a PID")
                    .withReason("malformed");
        }
        if (!(value instanceof JsonObject properties) || properties.isEmpty()) {
            throw ServiceException.invalid(where, "a non-empty object of properties", key + " is not an object of properties").withReason("malformed");
        }
        properties.forEach(p -> {
            Object v = p.getValue();
            boolean fits = scalar(v) || v instanceof JsonArray a && a.stream().allMatch(ConfigRequest::scalar);
            if (!fits || baseName(p.getKey()).isEmpty()) {
                throw ServiceException.invalid(where + "." + p.getKey(), "text, a number, true/false or an array of them", key + "/" + p.getKey()
                        + " has no value of a configuration").withReason("malformed");
            }
        });
    }

    private static boolean scalar(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean;
    }

    /** @return a property name without the type it may carry ({@code name:Integer} → {@code name}) */
    static String baseName(String property) {
        return property.split(":", 2)[0];
    }

    /** @return the fragment as a schema checks it: key → property (without its type) → value (lists for arrays) */
    Map<String, Map<String, Object>> untyped() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        configuration.forEach(e -> {
            if (!e.getKey().startsWith(":configurator:")) {
                Map<String, Object> properties = new LinkedHashMap<>();
                ((JsonObject) e.getValue()).forEach(p -> properties.put(baseName(p.getKey()),
                        p.getValue() instanceof JsonArray a ? a.getList() : p.getValue()));
                all.put(e.getKey(), properties);
            }
        });
        return all;
    }
}
