package cn.taihang.wire.sign;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;

/**
 * A private key in memory (BouncyCastle: RFC 8032 Ed25519, or SM2 with SM3), with its id. Thread-safe. The bridge keeps
 * these encrypted at rest and opens them only to sign.
 */
public final class SigningKey implements Signer {

    private final int keyId;
    private final SignatureAlgorithm algorithm;
    private final byte[] privateKey;
    private final byte[] publicKey;
    private final ECPrivateKeyParameters sm2;
    private final SecureRandom random;

    private SigningKey(int keyId, byte[] privateKey, SecureRandom random) {
        this.algorithm = SignatureAlgorithm.ofKeyId(keyId);
        if (privateKey == null || privateKey.length != SignatureAlgorithm.PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("a " + algorithm.label() + " private key has " + SignatureAlgorithm.PRIVATE_KEY_BYTES + " bytes");
        }
        this.keyId = keyId;
        this.privateKey = privateKey.clone();
        this.random = random;
        if (algorithm == SignatureAlgorithm.ED25519) {
            this.sm2 = null;
            this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(this.privateKey, 0, publicKey, 0);
        } else {
            BigInteger d = BigIntegers.fromUnsignedByteArray(this.privateKey);
            if (d.signum() <= 0 || d.compareTo(Sm2Curve.DOMAIN.getN().subtract(BigInteger.ONE)) >= 0) {
                throw new IllegalArgumentException("not an SM2 private key: the scalar is outside 1..n-2");
            }
            this.sm2 = new ECPrivateKeyParameters(d, Sm2Curve.DOMAIN);
            this.publicKey = Sm2Curve.DOMAIN.getG().multiply(d).normalize().getEncoded(false);
        }
    }

    /**
     * @param keyId the key's id; it decides the algorithm ({@link SignatureAlgorithm#ofKeyId})
     * @param privateKey the 32-byte private key (Ed25519 seed, or the SM2 scalar big-endian)
     * @throws IllegalArgumentException on a bad id or key
     */
    public static SigningKey of(int keyId, byte[] privateKey) {
        return new SigningKey(keyId, privateKey, new SecureRandom());
    }

    /**
     * @param keyId the new key's id, in the range of the algorithm it is to have
     * @return a new random key
     */
    public static SigningKey generate(int keyId, SecureRandom random) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.ofKeyId(keyId);
        byte[] key = new byte[SignatureAlgorithm.PRIVATE_KEY_BYTES];
        if (algorithm == SignatureAlgorithm.ED25519) {
            Ed25519.generatePrivateKey(random, key);
        } else {
            BigInteger n = Sm2Curve.DOMAIN.getN();
            BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, n.subtract(BigInteger.TWO), random);
            key = BigIntegers.asUnsignedByteArray(SignatureAlgorithm.PRIVATE_KEY_BYTES, d);
        }
        return new SigningKey(keyId, key, random);
    }

    @Override
    public int keyId() {
        return keyId;
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** @return a copy of the 32-byte private key, for a key store to protect; wipe it after use */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public byte[] sign(byte[] message) {
        if (algorithm == SignatureAlgorithm.ED25519) {
            byte[] signature = new byte[SignatureAlgorithm.SIGNATURE_BYTES];
            Ed25519.sign(privateKey, 0, publicKey, 0, message, 0, message.length, signature, 0);
            return signature;
        }
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
        signer.init(true, new ParametersWithRandom(sm2, random));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + " " + algorithm.label() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey k && keyId == k.keyId && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * keyId + Arrays.hashCode(publicKey);
    }
}
