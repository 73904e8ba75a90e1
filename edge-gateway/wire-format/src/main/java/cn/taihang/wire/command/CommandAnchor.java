package cn.taihang.wire.command;

import cn.taihang.wire.sign.SignatureAlgorithm;
import cn.taihang.wire.sign.VerifyingKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The command keys a gateway trusts, pinned at enrolment in its identity directory as {@value #FILE_NAME}: exactly one
 * current key, and at most one previous key that is accepted only for commands with an id up to the rotation that
 * replaced it (retained commands signed before the rotation still verify; nothing newer does). A
 * {@link CommandKeyRotation} replaces the file atomically. JSON, for people:
 *
 * <pre>{"format": 1, "keys": [{"id": 2, "algorithm": "ed25519", "publicKey": "&lt;base64&gt;", "acceptUpToId": 0},
 *                          {"id": 1, "algorithm": "ed25519", "publicKey": "&lt;base64&gt;", "acceptUpToId": 1733000000000000}]}</pre>
 *
 * ({@code acceptUpToId} 0 marks the current key.) Public keys only: the file may be copied and read by anyone, but must
 * be written only by the gateway's installer and the gateway itself.
 *
 * @param current the key that signs new commands
 * @param previous the key before it, or {@code null}
 * @param previousUpToId the highest command id the previous key is accepted for (the rotation's id), 0 without one
 */
public record CommandAnchor(VerifyingKey current, VerifyingKey previous, long previousUpToId) {

    /** File name in a gateway's identity directory. */
    public static final String FILE_NAME = "command-anchor.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FILE_BYTES = 16 * 1024;

    /** Validates. */
    public CommandAnchor {
        java.util.Objects.requireNonNull(current, "current");
        if ((previous == null) != (previousUpToId == 0) || previousUpToId < 0) {
            throw new IllegalArgumentException("a previous command key comes with the positive id of the rotation that replaced it");
        }
        if (previous != null && previous.keyId() == current.keyId()) {
            throw new IllegalArgumentException("the previous command key has the current key's id " + current.keyId());
        }
    }

    /** @return an anchor of one key */
    public static CommandAnchor of(VerifyingKey current) {
        return new CommandAnchor(current, null, 0);
    }

    /**
     * @return the key that may verify a command with this key id and command id, if any
     */
    public Optional<VerifyingKey> keyFor(int keyId, long commandId) {
        if (current.keyId() == keyId) {
            return Optional.of(current);
        }
        if (previous != null && previous.keyId() == keyId && commandId <= previousUpToId) {
            return Optional.of(previous);
        }
        return Optional.empty();
    }

    /**
     * @param next the key a verified rotation names
     * @param rotationId the rotation command's id
     * @return the anchor after the rotation: {@code next} current, this current key accepted up to {@code rotationId}
     */
    public CommandAnchor rotatedTo(VerifyingKey next, long rotationId) {
        return new CommandAnchor(next, current, rotationId);
    }

    /** @return the JSON file's bytes */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode().put("format", 1);
        ArrayNode keys = root.putArray("keys");
        keys.add(key(current, 0));
        if (previous != null) {
            keys.add(key(previous, previousUpToId));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode key(VerifyingKey key, long upTo) {
        return JSON.createObjectNode().put("id", key.keyId()).put("algorithm", key.algorithm().label())
                .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey())).put("acceptUpToId", upTo);
    }

    /** @throws IllegalArgumentException if the bytes are not an anchor, saying what is wrong */
    public static CommandAnchor fromJson(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + String.valueOf(e.getMessage()).split("\n", 2)[0], e);
        }
        if (root == null || root.path("format").asInt() != 1 || !root.path("keys").isArray()) {
            throw new IllegalArgumentException("not a format-1 command anchor ({\"format\": 1, \"keys\": [...]})");
        }
        VerifyingKey current = null;
        VerifyingKey previous = null;
        long upTo = 0;
        List<JsonNode> keys = new ArrayList<>();
        root.path("keys").forEach(keys::add);
        for (JsonNode k : keys) {
            if (!k.path("id").canConvertToInt() || !k.path("publicKey").isTextual() || !k.path("acceptUpToId").canConvertToLong()) {
                throw new IllegalArgumentException("a key needs an integer id, a base64 publicKey and acceptUpToId");
            }
            int id = k.path("id").asInt();
            if (k.has("algorithm") && SignatureAlgorithm.ofLabel(k.path("algorithm").asText()) != SignatureAlgorithm.ofKeyId(id)) {
                throw new IllegalArgumentException("key " + id + " is marked " + k.path("algorithm").asText() + ", but its id is an "
                        + SignatureAlgorithm.ofKeyId(id).label() + " key's");
            }
            VerifyingKey key = VerifyingKey.of(id, Base64.getDecoder().decode(k.path("publicKey").asText()));
            long accept = k.path("acceptUpToId").asLong();
            if (accept == 0) {
                if (current != null) {
                    throw new IllegalArgumentException("two current keys (acceptUpToId 0)");
                }
                current = key;
            } else {
                if (previous != null) {
                    throw new IllegalArgumentException("more than one previous key");
                }
                previous = key;
                upTo = accept;
            }
        }
        if (current == null) {
            throw new IllegalArgumentException("no current key (acceptUpToId 0)");
        }
        return new CommandAnchor(current, previous, upTo);
    }

    /**
     * @param identityDir a gateway's identity directory
     * @return its anchor, or empty if it has none
     * @throws IOException if the file cannot be read or is not an anchor (the message says which)
     */
    public static Optional<CommandAnchor> read(Path identityDir) throws IOException {
        Path file = identityDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than any command anchor");
        }
        try {
            return Optional.of(fromJson(Files.readAllBytes(file)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a command anchor: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the anchor into an identity directory (created if missing) atomically: a temporary file, forced to disk,
     * renamed over the old one. A reader sees the old anchor or the new one, never a mix.
     *
     * @throws IOException if it cannot be written
     */
    public void write(Path identityDir) throws IOException {
        Files.createDirectories(identityDir);
        Path file = identityDir.resolve(FILE_NAME);
        Path tmp = identityDir.resolve(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(toJson()));
            channel.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
