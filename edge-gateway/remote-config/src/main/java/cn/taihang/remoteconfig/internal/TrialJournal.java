package cn.taihang.remoteconfig.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a push is about to replace, written to {@code <data>/remote-config/trial.json} before the first value changes and
 * removed once the push is decided: a gateway that finds it at start was cut off mid-trial and puts the values back. Each
 * value keeps its type ({@code Integer}, {@code String[]}, a list…); primitive arrays come back as arrays of their boxes.
 */
final class TrialJournal {

    /**
     * A trial under way.
     *
     * @param version the push on trial
     * @param previous configuration key → its properties before the push, or {@code null} if it did not exist
     */
    record Entry(long version, Map<String, Map<String, Object>> previous) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicFile file;

    TrialJournal(AtomicFile file) {
        this.file = file;
    }

    void begin(Entry entry) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("version", entry.version());
        ObjectNode previous = root.putObject("previous");
        entry.previous().forEach((key, properties) -> {
            if (properties == null) {
                previous.putNull(key);
                return;
            }
            ObjectNode node = previous.putObject(key);
            properties.forEach((name, value) -> node.set(name, encode(value)));
        });
        file.write(JSON.writeValueAsBytes(root));
    }

    /** @return the trial a restart interrupted, if any; a journal that cannot be read is reported as an IOException */
    Optional<Entry> pending() throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file.path()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Map<String, Map<String, Object>> previous = new LinkedHashMap<>();
        root.path("previous").fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                previous.put(e.getKey(), null);
                return;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(p -> properties.put(p.getKey(), decode(p.getValue())));
            previous.put(e.getKey(), properties);
        });
        return Optional.of(new Entry(root.path("version").asLong(), previous));
    }

    void end() throws IOException {
        Files.deleteIfExists(file.path());
    }

    private static ObjectNode encode(Object value) {
        ObjectNode node = JSON.createObjectNode();
        Class<?> element = value.getClass().isArray() ? value.getClass().getComponentType() : null;
        node.put("shape", element != null ? "array" : value instanceof Collection<?> ? "list" : "one");
        ArrayNode values = node.putArray("values");
        String type = "String";
        for (Object v : ConfigHash.elements(value)) {
            values.add(String.valueOf(v));
            type = v == null ? type : v.getClass().getSimpleName();
        }
        node.put("type", element != null ? boxName(element) : type);
        return node;
    }

    private static String boxName(Class<?> element) {
        return element.isPrimitive() ? Array.get(Array.newInstance(element, 1), 0).getClass().getSimpleName() : element.getSimpleName();
    }

    private static Object decode(JsonNode node) {
        String type = node.path("type").asText("String");
        List<Object> values = new ArrayList<>();
        node.path("values").forEach(v -> values.add(PushedConfiguration.one(type, v.asText())));
        return switch (node.path("shape").asText("one")) {
            case "array" -> PushedConfiguration.array(type, values);
            case "list" -> values;
            default -> values.isEmpty() ? "" : values.get(0);
        };
    }
}
