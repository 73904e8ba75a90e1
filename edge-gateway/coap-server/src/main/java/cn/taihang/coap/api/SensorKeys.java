package cn.taihang.coap.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The complete set of sensor pre-shared keys of one gateway: the body of the bridge's {@value #COMMAND}
 * command (send it retained, so a gateway that was offline gets the latest set on reconnect). Each set
 * replaces the previous one; a set whose version is not above the applied one is not applied again.
 *
 * <p>JSON: {@code {"version": 3, "sensors": [{"identity": "vis-zw-12", "sensor": "vis-zw-12", "key": "<base64>"}]}}
 * ({@code sensor} defaults to the identity).
 *
 * @param version monotonic version chosen by the bridge, positive
 * @param sensors the keys; identities and sensor ids unique
 */
public record SensorKeys(long version, List<Entry> sensors) {

    /** The command name. */
    public static final String COMMAND = "sensor-keys";
    /** Largest accepted body, bytes. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    /** Validates and copies. @throws IllegalArgumentException on a bad version or duplicates */
    public SensorKeys {
        if (version <= 0) {
            throw new IllegalArgumentException("sensor-keys version must be positive, was " + version);
        }
        sensors = List.copyOf(sensors);
        Set<String> identities = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Entry e : sensors) {
            if (!identities.add(e.identity())) {
                throw new IllegalArgumentException("identity '" + e.identity() + "' appears twice in sensor-keys");
            }
            if (!ids.add(e.sensorId())) {
                throw new IllegalArgumentException("sensor '" + e.sensorId() + "' appears twice in sensor-keys");
            }
        }
    }

    /**
     * One sensor's key.
     *
     * @param identity the PSK identity the sensor sends in its DTLS handshake: 1-64 of {@code A-Z a-z 0-9 . _ : -}
     * @param sensorId the device id readings are recorded under: 1-96 of {@code A-Z a-z 0-9 _ . / : -}
     * @param key the pre-shared key, 16-64 bytes
     */
    public record Entry(String identity, String sensorId, byte[] key) {

        private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
        private static final Pattern SENSOR = Pattern.compile("[A-Za-z0-9_./:-]{1,96}");

        /** Validates and copies. @throws IllegalArgumentException on a bad identity, sensor id or key length */
        public Entry {
            if (identity == null || !IDENTITY.matcher(identity).matches()) {
                throw new IllegalArgumentException("PSK identity must be 1-64 of [A-Za-z0-9._:-], was '" + identity + "'");
            }
            if (sensorId == null || !SENSOR.matcher(sensorId).matches()) {
                throw new IllegalArgumentException("sensor id must be 1-96 of [A-Za-z0-9_./:-], was '" + sensorId + "'");
            }
            if (key == null || key.length < 16 || key.length > 64) {
                throw new IllegalArgumentException("the key of '" + identity + "' must be 16-64 bytes, was " + (key == null ? 0 : key.length));
            }
            key = key.clone();
        }

        /** @return a copy of the key */
        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && identity.equals(e.identity) && sensorId.equals(e.sensorId) && Arrays.equals(key, e.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identity, sensorId, Arrays.hashCode(key));
        }

        /** Never shows the key. */
        @Override
        public String toString() {
            return "Entry[" + identity + " -> " + sensorId + ", key " + key.length + " bytes]";
        }
    }

    /** @return the set as JSON (the command body) */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + sensors.size() * 96);
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeNumberField("version", version);
            gen.writeArrayFieldStart("sensors");
            for (Entry e : sensors) {
                gen.writeStartObject();
                gen.writeStringField("identity", e.identity());
                gen.writeStringField("sensor", e.sensorId());
                gen.writeStringField("key", Base64.getEncoder().encodeToString(e.key));
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a command body.
     *
     * @throws IllegalArgumentException with what is wrong, if the body is not a valid key set
     */
    public static SensorKeys fromJson(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BYTES) {
            throw new IllegalArgumentException("sensor-keys body must be 1-" + MAX_BYTES + " bytes of JSON");
        }
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "a JSON object");
            Long version = null;
            List<Entry> entries = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("version".equals(field)) {
                    expect(value, JsonToken.VALUE_NUMBER_INT, "version: an integer");
                    version = p.getLongValue();
                } else if ("sensors".equals(field)) {
                    expect(value, JsonToken.START_ARRAY, "sensors: an array");
                    entries = readEntries(p);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing data after the sensor-keys object");
            }
            if (version == null || entries == null) {
                throw new IllegalArgumentException("sensor-keys needs 'version' and 'sensors'");
            }
            return new SensorKeys(version, entries);
        } catch (IOException e) {
            throw new IllegalArgumentException("sensor-keys body is not well-formed JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static List<Entry> readEntries(JsonParser p) throws IOException {
        List<Entry> entries = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
            String identity = null;
            String sensor = null;
            byte[] key = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "identity" -> identity = text(p, value, field);
                    case "sensor" -> sensor = text(p, value, field);
                    case "key" -> key = base64(text(p, value, field));
                    default -> p.skipChildren();
                }
            }
            entries.add(new Entry(identity, sensor == null ? identity : sensor, key));
        }
        expect(token, JsonToken.END_ARRAY, "sensors: objects");
        return entries;
    }

    private static String text(JsonParser p, JsonToken token, String field) throws IOException {
        expect(token, JsonToken.VALUE_STRING, field + ": a string");
        return p.getText();
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a sensor key is not valid base64");
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("sensor-keys: expected " + what + ", found " + actual);
        }
    }

    @Override
    public String toString() {
        return "SensorKeys[version " + version + ", " + sensors.size() + " sensors]";
    }
}
