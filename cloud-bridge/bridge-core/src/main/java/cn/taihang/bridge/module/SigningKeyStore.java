package cn.taihang.bridge.module;

import cn.taihang.wire.sign.SignatureAlgorithm;
import cn.taihang.wire.sign.Signer;
import cn.taihang.wire.sign.SigningKey;

/**
 * Where the bridge's signing keys (ticket keys, command keys) are protected. Tables keep, per key, its public key and
 * the {@linkplain ProtectedKey#handle() handle} this store returned; only the store can turn a handle back into a
 * {@link Signer}. The bridge's adapter is {@code cn.taihang.bridge.keys.FileKeyStore}: the private key itself, encrypted with AES-256-GCM under
 * a key file kept apart from the database.
 *
 * <h2>The PKCS#11 adapter point (an HSM, not built yet)</h2>
 * A hardware security module implements this interface so that private keys never leave it:
 * <ul>
 *   <li>{@link #generate}: {@code C_GenerateKeyPair} in the token (Ed25519: {@code CKM_EC_EDWARDS_KEY_PAIR_GEN}, PKCS#11
 *       3.0; SM2: the vendor's SM2 mechanism of a GM/T 0016/0018-certified module), {@code CKA_TOKEN=true},
 *       {@code CKA_SENSITIVE=true}, {@code CKA_EXTRACTABLE=false}, {@code CKA_LABEL} = the label; the handle it returns
 *       is the object's {@code CKA_ID}.</li>
 *   <li>{@link #open}: finds the private key object by {@code CKA_ID} and returns a {@link Signer} whose {@code sign}
 *       is {@code C_Sign} ({@code CKM_EDDSA}; for SM2 the vendor's SM3-with-SM2 mechanism, answering r ‖ s), e.g. through
 *       the JDK's {@code SunPKCS11} provider and {@code java.security.Signature}.</li>
 *   <li>{@link #protect}: {@code C_CreateObject} (or {@code C_UnwrapKey}) of a key an earlier bridge kept in the clear,
 *       once, during migration.</li>
 * </ul>
 * Thread-safe.
 */
public interface SigningKeyStore {

    /**
     * A new key made where the store keeps it.
     *
     * @param label what the key is for, bound to its handle (e.g. {@code ticket-key}, {@code command-key})
     * @param keyId the key id, whose range says the algorithm ({@link SignatureAlgorithm#ofKeyId})
     * @return its public key and the handle to store
     */
    ProtectedKey generate(String label, int keyId);

    /**
     * Protects a key that exists in the clear (a database of a bridge that stored keys in clear).
     *
     * @return its public key and the handle to store instead of the clear key
     */
    ProtectedKey protect(String label, SigningKey key);

    /**
     * @param handle what {@link #generate} or {@link #protect} returned for this label and key id
     * @return a signer of that key
     * @throws IllegalStateException if the handle does not open: another store's, another key's, or altered; the message
     *     names the key and what to check
     */
    Signer open(String label, int keyId, byte[] handle);

    /** @return where the keys are protected, for logs (never a secret) */
    String description();

    /**
     * @param stored what a table holds for a key
     * @return whether it is a private key in the clear, as bridges before protected keys stored it (32 bytes, the
     *     length of a private key; no handle of {@code cn.taihang.bridge.keys.FileKeyStore} has that length)
     */
    static boolean isClear(byte[] stored) {
        return stored.length == SignatureAlgorithm.PRIVATE_KEY_BYTES;
    }

    /**
     * A protected key.
     *
     * @param keyId its id
     * @param publicKey its public key
     * @param handle what the table keeps in place of the private key
     */
    record ProtectedKey(int keyId, byte[] publicKey, byte[] handle) {}
}
