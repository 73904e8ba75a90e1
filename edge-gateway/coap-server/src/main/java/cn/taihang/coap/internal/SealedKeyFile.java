package cn.taihang.coap.internal;

import cn.taihang.coap.api.SensorKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The applied sensor keys at rest, sealed: AES-256-GCM with a key derived by HKDF-SHA256 from the gateway
 * secret (salt {@code taihang-sensor-keys-v1}, info = the gateway id), the gateway id as associated data.
 * File layout: {@code "TKS1" | 12-byte nonce | ciphertext and tag} of the {@code sensor-keys} JSON.
 *
 * <p>Protects the keys in copies of the data directory (backups, a store pulled for diagnosis, the console's
 * file views) as long as the secret file lives elsewhere; it does not protect against someone who can read
 * both files on the running gateway, nor the keys in memory.
 */
final class SealedKeyFile {

    private static final byte[] MAGIC = "TKS1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SALT = "taihang-sensor-keys-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_SECRET_BYTES = 16;

    private final Path file;
    private final byte[] aad;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param file the sealed file
     * @param secret the gateway secret (at least 16 bytes)
     * @param gatewayId the gateway id, bound into the key and the associated data
     */
    SealedKeyFile(Path file, byte[] secret, String gatewayId) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the sealing secret must hold at least " + MIN_SECRET_BYTES + " bytes; write 32 random bytes to it");
        }
        this.file = file;
        this.aad = gatewayId.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(hkdfSha256(secret, SALT, aad, 32), "AES");
    }

    /**
     * Reads the gateway secret, creating it (32 random bytes, owner-only) if {@code create} and it is absent.
     *
     * @throws IOException if it cannot be read or created
     */
    static byte[] readSecret(Path secretFile, boolean create) throws IOException {
        if (create && !Files.exists(secretFile)) {
            Files.createDirectories(secretFile.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                writeOwnerOnly(secretFile, fresh, false);
            } catch (FileAlreadyExistsException raced) {
                // another start created it first; read theirs
            }
        }
        if (!Files.isReadable(secretFile)) {
            throw new IOException("the sealing secret " + secretFile + " (" + CoapServerConfig.PID + "/sealingSecretFile) is missing or unreadable; "
                    + "create it at installation: head -c 32 /dev/urandom > " + secretFile + " && chmod 600 " + secretFile);
        }
        return Files.readAllBytes(secretFile);
    }

    /**
     * @return the sealed key set, or empty if there is no file yet
     * @throws IOException if the file cannot be read, or does not open with this secret (wrong secret or
     *     tampered file)
     */
    Optional<SensorKeys> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] sealed = Files.readAllBytes(file);
        if (sealed.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8 || !Arrays.equals(Arrays.copyOf(sealed, MAGIC.length), MAGIC)) {
            throw new IOException(file + " is not a sealed sensor-keys file; delete it and send the sensor-keys command again");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, MAGIC.length, NONCE_BYTES));
            cipher.updateAAD(aad);
            byte[] json = cipher.doFinal(sealed, MAGIC.length + NONCE_BYTES, sealed.length - MAGIC.length - NONCE_BYTES);
            try {
                return Optional.of(SensorKeys.fromJson(json));
            } finally {
                Arrays.fill(json, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " does not open with this gateway's sealing secret (was the secret or the gateway id changed?); "
                    + "send the sensor-keys command again", e);
        }
    }

    /** Seals and writes the key set atomically, owner-only. @throws IOException if it cannot be written */
    void write(SensorKeys keys) throws IOException {
        byte[] json = keys.toJson();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] body = cipher.doFinal(json);
            ByteBuffer out = ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + body.length).put(MAGIC).put(nonce).put(body);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            writeOwnerOnly(tmp, out.array(), true);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot seal the sensor keys: " + e.getMessage(), e);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    private static void writeOwnerOnly(Path target, byte[] bytes, boolean sync) throws IOException {
        try {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(target);
        }
        if (sync) {
            try (var channel = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
        } else {
            Files.write(target, bytes);
        }
    }

    /** HKDF (RFC 5869) with HMAC-SHA256, for up to 32 output bytes. */
    static byte[] hkdfSha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length > 32) {
            throw new IllegalArgumentException("at most 32 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            return Arrays.copyOf(mac.doFinal(), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
