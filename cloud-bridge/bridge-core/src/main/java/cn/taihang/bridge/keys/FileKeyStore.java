package cn.taihang.bridge.keys;

import cn.taihang.bridge.module.SigningKeyStore;
import cn.taihang.wire.sign.Signer;
import cn.taihang.wire.sign.SigningKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file adapter of {@link SigningKeyStore}: each private key encrypted with AES-256-GCM under the 32 random bytes of
 * a key file that lives apart from the database (another directory; in production another medium or a secrets mount),
 * the label and key id as associated data so that a handle moved to another row does not open. Handle layout:
 * {@code "TSK1" ‖ 12-byte nonce ‖ ciphertext ‖ 16-byte tag} (64 bytes). A copy of the database alone (a backup, a
 * file pulled for diagnosis) holds no usable key; someone who can read both files, or the bridge's memory, has them.
 */
public final class FileKeyStore implements SigningKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileKeyStore.class);
    private static final byte[] MAGIC = "TSK1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private FileKeyStore(Path file, byte[] key) {
        this.file = file;
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Opens the key file, creating it (32 random bytes, owner-only) if it is missing.
     *
     * @param keyFile the key file
     * @param dataDir the bridge's data directory, which must not contain it
     * @throws IllegalArgumentException if the key file is inside the data directory, is not 32 bytes, or every local user
     *     may read it; the message says what to do
     * @throws IOException if it cannot be read or created
     */
    public static FileKeyStore open(Path keyFile, Path dataDir) throws IOException {
        Path file = keyFile.toAbsolutePath().normalize();
        Path data = dataDir.toAbsolutePath().normalize();
        if (file.startsWith(data) || (Files.exists(dataDir) && Files.exists(file) && file.toRealPath().startsWith(dataDir.toRealPath()))) {
            throw new IllegalArgumentException("the signing key file " + file + " is inside the data directory " + data
                    + ": a copy of the database would carry its key; keep it elsewhere (--key-file)");
        }
        if (!Files.exists(file)) {
            create(file);
        }
        checkPermissions(file);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("the signing key file " + file + " holds " + bytes.length + " bytes, not " + KEY_BYTES
                    + "; restore the right file (without it the stored signing keys cannot be opened)");
        }
        return new FileKeyStore(file, bytes);
    }

    private static void create(Path file) throws IOException {
        Path parent = file.getParent();
        if (!Files.exists(parent)) {
            try {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(parent);
            }
        }
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.write(file, fresh);
            LOG.info("created the signing key file {} (owner-only); back it up apart from the database", file);
        } catch (FileAlreadyExistsException raced) {
            // another bridge process made it first: use theirs
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
    }

    private static void checkPermissions(Path file) throws IOException {
        Set<PosixFilePermission> modes;
        try {
            modes = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (modes.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IllegalArgumentException("the signing key file " + file + " can be read by every local user: assume it copied; "
                    + "chmod 600 it (and rotate the keys if it may have leaked)");
        }
        if (modes.contains(PosixFilePermission.GROUP_READ)) {
            LOG.warn("the signing key file {} is readable by its group; chmod 600 it unless that group is the bridge's alone", file);
        }
    }

    @Override
    public ProtectedKey generate(String label, int keyId) {
        return protect(label, SigningKey.generate(keyId, random));
    }

    @Override
    public ProtectedKey protect(String label, SigningKey signing) {
        byte[] clear = signing.privateKey();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(label, signing.keyId()));
            byte[] sealed = cipher.doFinal(clear);
            byte[] handle = ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length).put(MAGIC).put(nonce).put(sealed).array();
            return new ProtectedKey(signing.keyId(), signing.publicKey(), handle);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM: " + e.getMessage(), e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    @Override
    public Signer open(String label, int keyId, byte[] handle) {
        if (handle.length < MAGIC.length + NONCE_BYTES + TAG_BITS / 8 || !Arrays.equals(Arrays.copyOf(handle, MAGIC.length), MAGIC)) {
            throw new IllegalStateException(label + " " + keyId + " is not stored in this key store's format");
        }
        byte[] clear = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, handle, MAGIC.length, NONCE_BYTES));
            cipher.updateAAD(aad(label, keyId));
            clear = cipher.doFinal(handle, MAGIC.length + NONCE_BYTES, handle.length - MAGIC.length - NONCE_BYTES);
            return SigningKey.of(keyId, clear);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(label + " " + keyId + " does not open with the signing key file " + file
                    + ": it is another bridge's key file (--key-file), or the database row was altered", e);
        } finally {
            if (clear != null) {
                Arrays.fill(clear, (byte) 0);
            }
        }
    }

    @Override
    public String description() {
        return "AES-256-GCM under the key file " + file;
    }

    private static byte[] aad(String label, int keyId) {
        return (label + "\u0000" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
