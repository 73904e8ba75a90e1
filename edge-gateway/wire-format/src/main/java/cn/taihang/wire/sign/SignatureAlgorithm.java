package cn.taihang.wire.sign;

import java.util.Locale;

/**
 * The signature algorithms of ticket and command keys. A key's id says which one it is: ids 0–32767 are
 * Ed25519 keys, ids 32768–65535 SM2 keys, so a ticket or command that names its key also names the algorithm, and
 * a key ring entry whose algorithm disagrees with its id is refused.
 */
public enum SignatureAlgorithm {

    /** Ed25519 (RFC 8032), the default: 32-byte public keys, 64-byte signatures. */
    ED25519("ed25519", 0, 0, 32),
    /**
     * SM2 with SM3 (GM/T 0003-2012, GM/T 0004-2012, GB/T 32918) on the curve sm2p256v1 with the standard default user id
     * {@code 1234567812345678}: 65-byte uncompressed public keys, signatures as the fixed 64-byte {@code r ‖ s} (not DER).
     */
    SM2_SM3("sm2", 1, 32768, 65);

    /** Length of every signature, both algorithms. */
    public static final int SIGNATURE_BYTES = 64;
    /** Length of every private key, both algorithms. */
    public static final int PRIVATE_KEY_BYTES = 32;
    /** Highest key id. */
    public static final int MAX_KEY_ID = 65535;

    private final String label;
    private final int code;
    private final int firstKeyId;
    private final int publicKeyBytes;

    SignatureAlgorithm(String label, int code, int firstKeyId, int publicKeyBytes) {
        this.label = label;
        this.code = code;
        this.firstKeyId = firstKeyId;
        this.publicKeyBytes = publicKeyBytes;
    }

    /** @return the short name used in files and APIs: {@code ed25519} or {@code sm2} */
    public String label() {
        return label;
    }

    /** @return the code written into key rings: 0 Ed25519, 1 SM2 */
    public int code() {
        return code;
    }

    /** @return the lowest key id of this algorithm */
    public int firstKeyId() {
        return firstKeyId;
    }

    /** @return the highest key id of this algorithm */
    public int lastKeyId() {
        return this == ED25519 ? SM2_SM3.firstKeyId - 1 : MAX_KEY_ID;
    }

    /** @return the length of a public key */
    public int publicKeyBytes() {
        return publicKeyBytes;
    }

    /**
     * @param keyId 0–65535
     * @return the algorithm of the keys with that id
     * @throws IllegalArgumentException if the id is outside 0–65535
     */
    public static SignatureAlgorithm ofKeyId(int keyId) {
        if (keyId < 0 || keyId > MAX_KEY_ID) {
            throw new IllegalArgumentException("a key id is 0-65535, was " + keyId);
        }
        return keyId >= SM2_SM3.firstKeyId ? SM2_SM3 : ED25519;
    }

    /** @throws IllegalArgumentException if no algorithm has this code */
    public static SignatureAlgorithm ofCode(int code) {
        for (SignatureAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("no signature algorithm has the code " + code + " (0 ed25519, 1 sm2)");
    }

    /** @throws IllegalArgumentException if the label is neither {@code ed25519} nor {@code sm2} (any case) */
    public static SignatureAlgorithm ofLabel(String label) {
        for (SignatureAlgorithm a : values()) {
            if (a.label.equals(label == null ? null : label.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("signature algorithm must be ed25519 or sm2, was '" + label + "'");
    }
}
