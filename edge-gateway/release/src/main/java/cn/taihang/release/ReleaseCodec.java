package cn.taihang.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of manifests and of their envelope ({@code release.json}):
 *
 * <pre>
 * {"format": "taihang-release/1", "keyId": "…16 hex…", "signature": "…base64…", "manifest": "…base64 of the manifest's bytes…"}
 * manifest: {"format": 1, "version": "2026.12.1", "created": "…Z", "boards": ["raspberry-pi-4"], "sharedApis": [...], "notes": "",
 *            "bundles": [{"symbolicName", "version", "sha256", "size"}…],
 *            "configSchema": {"cn.taihang.store": {"factory": false, "attributes": [{"id", "type", "cardinality", "required",
 *                             "min", "max", "options", "defaults"}…]}…}}
 * </pre>
 *
 * The manifest is carried as the bytes that were signed, so a verifier never depends on how JSON is re-encoded.
 * Decoding refuses anything malformed, oversized or of another format with {@code MALFORMED} and the field at fault.
 * Thread-safe.
 */
public final class ReleaseCodec {

    /** Envelope format tag. */
    public static final String ENVELOPE_FORMAT = "taihang-release/1";
    /** Largest manifest or envelope accepted. */
    public static final int MAX_BYTES = 1 << 20;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @return the manifest's JSON bytes, fields in a fixed order */
    public byte[] encode(ReleaseManifest m) {
        ObjectNode root = json.createObjectNode();
        root.put("format", ReleaseManifest.FORMAT);
        root.put("version", m.version());
        root.put("created", m.created().toString());
        m.boards().forEach(root.putArray("boards")::add);
        m.sharedApis().forEach(root.putArray("sharedApis")::add);
        root.put("notes", m.notes());
        ArrayNode bundles = root.putArray("bundles");
        for (BundleEntry b : m.bundles()) {
            bundles.addObject().put("symbolicName", b.symbolicName()).put("version", b.version()).put("sha256", b.sha256()).put("size", b.size());
        }
        ObjectNode schema = root.putObject("configSchema");
        for (PidSchema pid : m.configSchema().pids().values()) {
            ObjectNode p = schema.putObject(pid.pid());
            p.put("factory", pid.factory());
            ArrayNode attributes = p.putArray("attributes");
            for (AttributeSchema a : pid.attributes()) {
                ObjectNode n = attributes.addObject().put("id", a.id()).put("type", a.type()).put("cardinality", a.cardinality())
                        .put("required", a.required());
                if (a.min() != null) {
                    n.put("min", a.min());
                }
                if (a.max() != null) {
                    n.put("max", a.max());
                }
                a.options().forEach(n.putArray("options")::add);
                a.defaults().forEach(n.putArray("defaults")::add);
            }
        }
        return bytes(root);
    }

    /** @throws ReleaseException {@code MALFORMED} naming the field at fault */
    public ReleaseManifest decode(byte[] bytes) throws ReleaseException {
        JsonNode root = tree(bytes, "release manifest");
        if (root.path("format").asInt(-1) != ReleaseManifest.FORMAT) {
            throw malformed("release manifest format " + root.path("format") + " is not supported (this build reads " + ReleaseManifest.FORMAT + ")");
        }
        try {
            List<BundleEntry> bundles = new ArrayList<>();
            for (JsonNode b : array(root, "bundles")) {
                bundles.add(new BundleEntry(text(b, "symbolicName"), text(b, "version"), text(b, "sha256"), number(b, "size")));
            }
            Map<String, PidSchema> pids = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = object(root, "configSchema").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                List<AttributeSchema> attributes = new ArrayList<>();
                for (JsonNode a : array(e.getValue(), "attributes")) {
                    attributes.add(new AttributeSchema(text(a, "id"), text(a, "type"), (int) number(a, "cardinality"), a.path("required").asBoolean(),
                            optionalText(a, "min"), optionalText(a, "max"), texts(a, "options"), texts(a, "defaults")));
                }
                pids.put(e.getKey(), new PidSchema(e.getKey(), e.getValue().path("factory").asBoolean(), attributes));
            }
            return new ReleaseManifest(text(root, "version"), texts(root, "boards"), texts(root, "sharedApis"), bundles, new ConfigSchema(pids),
                    Instant.parse(text(root, "created")), root.path("notes").asText(""));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw malformed("release manifest: " + e.getMessage());
        }
    }

    /** @return {@code release.json}: the envelope of a signed manifest */
    public byte[] envelope(SignedManifest signed) {
        ObjectNode root = json.createObjectNode();
        root.put("format", ENVELOPE_FORMAT);
        root.put("keyId", signed.keyId());
        root.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
        root.put("manifest", Base64.getEncoder().encodeToString(signed.manifest()));
        return bytes(root);
    }

    /**
     * Opens an envelope without verifying it (see {@link ReleaseVerifier#verify}).
     *
     * @throws ReleaseException {@code MALFORMED} naming the field at fault
     */
    public SignedManifest openEnvelope(byte[] bytes) throws ReleaseException {
        JsonNode root = tree(bytes, "release envelope");
        if (!ENVELOPE_FORMAT.equals(root.path("format").asText())) {
            throw malformed("not a release envelope: format is " + root.path("format") + ", expected \"" + ENVELOPE_FORMAT + "\"");
        }
        try {
            return new SignedManifest(Base64.getDecoder().decode(text(root, "manifest")), text(root, "keyId"),
                    Base64.getDecoder().decode(text(root, "signature")));
        } catch (IllegalArgumentException e) {
            throw malformed("release envelope: " + e.getMessage());
        }
    }

    private JsonNode tree(byte[] bytes, String what) throws ReleaseException {
        if (bytes == null || bytes.length == 0) {
            throw malformed("empty " + what);
        }
        if (bytes.length > MAX_BYTES) {
            throw malformed(what + " of " + bytes.length + " bytes exceeds " + MAX_BYTES);
        }
        try {
            JsonNode root = json.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw malformed(what + " is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(what + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("cannot read the " + what + ": " + e.getMessage());
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : text(node, field);
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return v.asLong();
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array");
        }
        return v;
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("'" + field + "' must be an object");
        }
        return v;
    }

    private static List<String> texts(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode e : array(node, field)) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' must hold strings");
            }
            values.add(e.asText());
        }
        return values;
    }

    private static ReleaseException malformed(String message) {
        return new ReleaseException(ReleaseException.Reason.MALFORMED, message);
    }
}
