package cn.taihang.wire.sign;

/**
 * Something that signs with one private key: an in-memory {@link SigningKey}, or a key that never leaves a
 * hardware security module. Implementations are thread-safe.
 */
public interface Signer {

    /** @return the key id, 0–65535; it says the {@link #algorithm()} ({@link SignatureAlgorithm#ofKeyId}) */
    int keyId();

    /** @return the algorithm */
    default SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.ofKeyId(keyId());
    }

    /** @return a copy of the public key, in the form {@link VerifyingKey#of} takes */
    byte[] publicKey();

    /**
     * @param message the bytes to sign
     * @return the 64-byte signature
     * @throws IllegalStateException if the key cannot sign (e.g. a security module is unreachable)
     */
    byte[] sign(byte[] message);
}
