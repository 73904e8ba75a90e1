package cn.taihang.wire.command;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * Seals a command body to one gateway with HPKE (RFC 9180, BouncyCastle) in base mode: DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-128-GCM. Layout: {@code enc (32 bytes) ‖ ciphertext and tag}. The HPKE info binds it to the gateway
 * and the command ({@code "taihang-command-seal-v1" 0x00 gatewayId 0x00 commandId (8 bytes, big-endian)}), the
 * associated data is the command name: a sealed body moved to another gateway, command or name does not open. The
 * command's signature covers the sealed bytes, so only the bridge can have made them. Thread-safe.
 */
public final class SealedBody {

    /** Length of an X25519 public or private key. */
    public static final int KEY_BYTES = 32;
    private static final byte[] INFO_LABEL = "taihang-command-seal-v1".getBytes(StandardCharsets.US_ASCII);

    private SealedBody() {
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
    }

    /**
     * @param recipientPublicKey the gateway's 32-byte X25519 sealing public key (from its birth)
     * @return the sealed body
     * @throws IllegalArgumentException if the key is not an X25519 public key
     */
    public static byte[] seal(byte[] recipientPublicKey, String gatewayId, long commandId, String name, byte[] plaintext) {
        if (recipientPublicKey == null || recipientPublicKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("a sealing public key is a 32-byte X25519 key");
        }
        HPKE hpke = hpke();
        try {
            byte[][] sealed = hpke.seal(hpke.deserializePublicKey(recipientPublicKey), info(gatewayId, commandId), aad(name), plaintext, null, null, null);
            return ByteBuffer.allocate(sealed[1].length + sealed[0].length).put(sealed[1]).put(sealed[0]).array();
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("HPKE sealing failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param privateKey the gateway's 32-byte X25519 sealing private key
     * @param publicKey its public key
     * @return the body
     * @throws CommandRefusedException UNREADABLE_SEALED_BODY if it does not open (another gateway's, another command's,
     *     altered, or truncated)
     */
    public static byte[] open(byte[] privateKey, byte[] publicKey, String gatewayId, long commandId, String name, byte[] sealed)
            throws CommandRefusedException {
        HPKE hpke = hpke();
        int enc = hpke.getEncSize();
        if (sealed.length < enc + 16) {
            throw new CommandRefusedException(CommandRefusedException.Reason.UNREADABLE_SEALED_BODY, "the sealed body is too short to be one");
        }
        try {
            AsymmetricCipherKeyPair keys = hpke.deserializePrivateKey(privateKey, publicKey);
            return hpke.open(Arrays.copyOf(sealed, enc), keys, info(gatewayId, commandId), aad(name), Arrays.copyOfRange(sealed, enc, sealed.length),
                    null, null, null);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new CommandRefusedException(CommandRefusedException.Reason.UNREADABLE_SEALED_BODY, "the sealed body of '" + name + "' #" + commandId
                    + " does not open with this gateway's sealing key (sealed to another gateway or command, or altered)");
        }
    }

    private static byte[] info(String gatewayId, long commandId) {
        byte[] id = gatewayId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(INFO_LABEL.length + 2 + id.length + Long.BYTES).put(INFO_LABEL).put((byte) 0).put(id).put((byte) 0)
                .putLong(commandId).array();
    }

    private static byte[] aad(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
