package cn.taihang.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Release keys: Ed25519 (BouncyCastle's RFC 8032, as the ticket signer), a key set of their own — never a ticket or
 * command key. The private key stays where releases are built, in an owner-only file of its hex; gateways and the bridge
 * pin the public key (a file of its hex, one key per line). A key's id is the first 8 bytes of the SHA-256 of its public
 * key, in hex.
 */
public final class ReleaseKeys {

    /** Length of a private key. */
    public static final int PRIVATE_KEY_BYTES = Ed25519.SECRET_KEY_SIZE;
    /** Length of a public key. */
    public static final int PUBLIC_KEY_BYTES = Ed25519.PUBLIC_KEY_SIZE;
    /** Length of a signature. */
    public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;

    private static final HexFormat HEX = HexFormat.of();

    private ReleaseKeys() {
    }

    /** @return a new random private key */
    public static byte[] newPrivateKey(SecureRandom random) {
        byte[] key = new byte[PRIVATE_KEY_BYTES];
        Ed25519.generatePrivateKey(random, key);
        return key;
    }

    /** @return the public key of a private key */
    public static byte[] publicKey(byte[] privateKey) {
        requireLength(privateKey, PRIVATE_KEY_BYTES, "private");
        byte[] key = new byte[PUBLIC_KEY_BYTES];
        Ed25519.generatePublicKey(privateKey, 0, key, 0);
        return key;
    }

    /** @return the key's id: hex of the first 8 bytes of SHA-256(public key) */
    public static String keyId(byte[] publicKey) {
        requireLength(publicKey, PUBLIC_KEY_BYTES, "public");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HEX.formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Writes a private key to a new owner-only file and its public key beside it ({@code <file>.pub}).
     *
     * @throws FileAlreadyExistsException if the file exists: a key is never overwritten
     */
    public static void writeKeyPair(Path privateKeyFile, byte[] privateKey) throws IOException {
        if (Files.exists(privateKeyFile)) {
            throw new FileAlreadyExistsException(privateKeyFile + " exists; a release key is never overwritten (move it away first)");
        }
        Path parent = privateKeyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".release-key", ".tmp");
        try {
            ownerOnly(temp);
            Files.writeString(temp, HEX.formatHex(privateKey) + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, privateKeyFile);
        } finally {
            Files.deleteIfExists(temp);
        }
        Files.writeString(publicKeyFile(privateKeyFile), HEX.formatHex(publicKey(privateKey)) + "\n", StandardCharsets.US_ASCII);
    }

    /** @return where {@link #writeKeyPair} puts the public key of {@code privateKeyFile} */
    public static Path publicKeyFile(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
    }

    /**
     * @return the private key in {@code file}
     * @throws IOException if it cannot be read, is not a key, or other users may read it
     */
    public static byte[] readPrivateKey(Path file) throws IOException {
        try {
            if (Files.getPosixFilePermissions(file).stream().anyMatch(p -> p.name().startsWith("OTHERS") || p.name().startsWith("GROUP"))) {
                throw new IOException(file + " is readable by other users; a release key must be owner-only (chmod 600) — assume it copied and make a new one");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), PRIVATE_KEY_BYTES, file);
    }

    /**
     * Reads pinned public keys: one hex key per line; blank lines and {@code #} comments are ignored.
     *
     * @return the keys, in file order
     * @throws IOException if the file cannot be read or a line is not a public key
     */
    public static java.util.List<byte[]> readPublicKeys(Path file) throws IOException {
        java.util.List<byte[]> keys = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                keys.add(parse(text, PUBLIC_KEY_BYTES, file));
            }
        }
        return keys;
    }

    /** @return the hex of a public key as the files hold it */
    public static String hex(byte[] publicKey) {
        requireLength(publicKey, PUBLIC_KEY_BYTES, "public");
        return HEX.formatHex(publicKey);
    }

    private static byte[] parse(String text, int length, Path file) throws IOException {
        try {
            byte[] key = HEX.parseHex(text);
            requireLength(key, length, "");
            return key;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a " + length + "-byte Ed25519 key in hex: " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    private static void requireLength(byte[] key, int length, String what) {
        if (key == null || key.length != length) {
            throw new IllegalArgumentException("an Ed25519 " + what + " key has " + length + " bytes");
        }
    }
}
