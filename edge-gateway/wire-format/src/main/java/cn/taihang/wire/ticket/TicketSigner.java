package cn.taihang.wire.ticket;

import cn.taihang.wire.sign.SignatureAlgorithm;
import cn.taihang.wire.sign.Signer;
import cn.taihang.wire.sign.SigningKey;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Signs tickets with one key of the bridge: Ed25519 or SM2 with SM3, as the key id says (BouncyCastle). Thread-safe.
 */
public final class TicketSigner {

    /** Length of a private key (both algorithms). */
    public static final int PRIVATE_KEY_BYTES = SignatureAlgorithm.PRIVATE_KEY_BYTES;

    private final Signer signer;
    private final TicketCodec codec = new TicketCodec();

    /**
     * @param keyId the id written into the tickets, 0–65535; it decides the algorithm ({@link SignatureAlgorithm#ofKeyId})
     * @param privateKey the 32-byte private key
     * @throws IllegalArgumentException on a bad id or key
     */
    public TicketSigner(int keyId, byte[] privateKey) {
        this(SigningKey.of(keyId, privateKey));
    }

    /** @param signer the key that signs (in memory, or in a security module) */
    public TicketSigner(Signer signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /** @return a new random Ed25519 private key */
    public static byte[] newPrivateKey(SecureRandom random) {
        return SigningKey.generate(0, random).privateKey();
    }

    /** @return the key id */
    public int keyId() {
        return signer.keyId();
    }

    /** @return the key's algorithm */
    public SignatureAlgorithm algorithm() {
        return signer.algorithm();
    }

    /** @return a copy of the public key, for the key ring */
    public byte[] publicKey() {
        return signer.publicKey();
    }

    /**
     * @return the ticket text for its QR code
     * @throws IllegalArgumentException if the ticket names another key id
     */
    public String sign(Ticket ticket) {
        if (ticket.keyId() != signer.keyId()) {
            throw new IllegalArgumentException("ticket names key " + ticket.keyId() + ", this signer holds key " + signer.keyId());
        }
        byte[] body = codec.encodeBody(ticket);
        return codec.toText(body, signature(body));
    }

    /** @return the 64-byte signature of arbitrary bytes (tests and tools) */
    public byte[] signature(byte[] message) {
        return signer.sign(message);
    }
}
