package cn.taihang.wire.ticket;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs tickets with one Ed25519 key of the bridge (BouncyCastle's RFC 8032 implementation). Thread-safe.
 */
public final class TicketSigner {

    /** Length of a private (secret) key. */
    public static final int PRIVATE_KEY_BYTES = Ed25519.SECRET_KEY_SIZE;

    private final int keyId;
    private final byte[] privateKey;
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final TicketCodec codec = new TicketCodec();

    /**
     * @param keyId the id written into the tickets, 0–65535
     * @param privateKey the 32-byte private key
     */
    public TicketSigner(int keyId, byte[] privateKey) {
        if (keyId < 0 || keyId > 65535) {
            throw new IllegalArgumentException("key id must be 0-65535, was " + keyId);
        }
        if (privateKey == null || privateKey.length != PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 private key has " + PRIVATE_KEY_BYTES + " bytes");
        }
        this.keyId = keyId;
        this.privateKey = privateKey.clone();
        Ed25519.generatePublicKey(this.privateKey, 0, publicKey, 0);
    }

    /** @return a new random private key */
    public static byte[] newPrivateKey(SecureRandom random) {
        byte[] key = new byte[PRIVATE_KEY_BYTES];
        Ed25519.generatePrivateKey(random, key);
        return key;
    }

    /** @return the key id */
    public int keyId() {
        return keyId;
    }

    /** @return a copy of the 32-byte public key, for the key ring */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * @return the ticket text for its QR code
     * @throws IllegalArgumentException if the ticket names another key id
     */
    public String sign(Ticket ticket) {
        if (ticket.keyId() != keyId) {
            throw new IllegalArgumentException("ticket names key " + ticket.keyId() + ", this signer holds key " + keyId);
        }
        byte[] body = codec.encodeBody(ticket);
        return codec.toText(body, signature(body));
    }

    /** @return the Ed25519 signature of arbitrary bytes (tests and tools) */
    public byte[] signature(byte[] message) {
        byte[] signature = new byte[TicketCodec.SIGNATURE_BYTES];
        Ed25519.sign(privateKey, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }
}
