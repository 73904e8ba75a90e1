package cn.taihang.wire.sign;

import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A public key with its id, decoded and checked once, that verifies signatures. Immutable and thread-safe.
 */
public final class VerifyingKey {

    private final int keyId;
    private final SignatureAlgorithm algorithm;
    private final byte[] publicKey;
    private final Ed25519.PublicPoint ed25519;
    private final ECPublicKeyParameters sm2;

    private VerifyingKey(int keyId, SignatureAlgorithm algorithm, byte[] publicKey, Ed25519.PublicPoint ed25519, ECPublicKeyParameters sm2) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.ed25519 = ed25519;
        this.sm2 = sm2;
    }

    /**
     * @param keyId the key's id; it decides the algorithm ({@link SignatureAlgorithm#ofKeyId})
     * @param publicKey 32 bytes (Ed25519) or 65 bytes uncompressed {@code 04 ‖ x ‖ y} (SM2)
     * @throws IllegalArgumentException if the id is out of range or the bytes are not a valid public key of its
     *     algorithm (wrong length, not a point of the curve)
     */
    public static VerifyingKey of(int keyId, byte[] publicKey) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.ofKeyId(keyId);
        Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.length != algorithm.publicKeyBytes()) {
            throw new IllegalArgumentException("key " + keyId + " is an " + algorithm.label() + " key, which has " + algorithm.publicKeyBytes()
                    + " bytes, not " + publicKey.length);
        }
        byte[] copy = publicKey.clone();
        if (algorithm == SignatureAlgorithm.ED25519) {
            Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(copy, 0);
            if (point == null) {
                throw new IllegalArgumentException("key " + keyId + " is not a valid Ed25519 public key");
            }
            return new VerifyingKey(keyId, algorithm, copy, point, null);
        }
        try {
            if (copy[0] != 0x04) {
                throw new IllegalArgumentException("an SM2 public key is written uncompressed (04 ‖ x ‖ y)");
            }
            ECPoint point = Sm2Curve.DOMAIN.getCurve().decodePoint(copy);
            return new VerifyingKey(keyId, algorithm, copy, null, new ECPublicKeyParameters(point, Sm2Curve.DOMAIN));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key " + keyId + " is not a valid SM2 public key: " + e.getMessage(), e);
        }
    }

    /** @return the key id */
    public int keyId() {
        return keyId;
    }

    /** @return the algorithm */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** @return a copy of the public key */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * @param message the signed bytes
     * @param signature the 64-byte signature; any other length does not verify
     * @return whether the signature is this key's over the message
     */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != SignatureAlgorithm.SIGNATURE_BYTES) {
            return false;
        }
        if (ed25519 != null) {
            return Ed25519.verify(signature, 0, ed25519, message, 0, message.length);
        }
        SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE);
        verifier.init(false, sm2);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifyingKey k && keyId == k.keyId && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * keyId + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + keyId + " " + algorithm.label() + "]";
    }
}
