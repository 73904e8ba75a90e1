package cn.taihang.identity;

import cn.taihang.identity.internal.FileModes;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private keys, made where they live and kept in owner-only files.
 *
 * <p>Keys are EC on the NIST P-256 curve (secp256r1) with ECDSA/SHA-256 signatures: every TLS stack the project
 * uses takes it — the JDK's (bridge, gateways, Paho), OpenSSL's (mosquitto, {@code openssl s_client}) and Netty's —
 * and secure elements such as the ATECC608 hold it. SM2 would suit the commercial-cryptography rules, but the JDK
 * has no SM2 in TLS (no TLCP/RFC 8998 cipher suites), so a city CA handing out SM2 keys could not serve its own
 * bridge; SM2 is used for signatures above TLS instead.
 *
 * <p>Files are PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), unencrypted because a gateway starts unattended;
 * their protection is the file mode, set when the file is created ({@code rw-------}), and the fact that a key
 * file is never overwritten. Reading refuses a key file every local user can read (as OpenSSH does: such a key
 * must be assumed stolen) and logs a warning for a group-readable one (Debian's convention for server keys that a
 * service group reads, e.g. {@code root:mosquitto 0640}).
 */
public final class KeyFiles {

    /** The curve of every key this library makes. */
    public static final String CURVE = "secp256r1";

    private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    /** @return a fresh EC P-256 key pair from a strong random source */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("this JDK cannot make EC P-256 keys", e);
        }
    }

    /**
     * Makes a key pair and writes its private key to a new owner-only file (missing directories are made owner-only).
     *
     * @return the key pair
     * @throws FileAlreadyExistsException if the file exists: a key is never overwritten
     */
    public static KeyPair create(Path file) throws IOException {
        KeyPair pair = generate();
        write(file, pair.getPrivate());
        return pair;
    }

    /**
     * Writes a private key to a new owner-only PKCS#8 PEM file.
     *
     * @throws FileAlreadyExistsException if the file exists: a key is never overwritten
     */
    public static void write(Path file, PrivateKey key) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a private key is never overwritten; move it away first if it is really to be replaced");
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        }
        FileModes.createPrivate(file, pem.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a private key from a PEM file (PKCS#8, or the SEC1 {@code EC PRIVATE KEY} that {@code openssl ecparam}
     * writes).
     *
     * @throws IOException if the file cannot be read, is readable by every local user, holds no unencrypted
     *     private key, or cannot be decoded; the message says which and what to do
     */
    public static PrivateKey read(Path file) throws IOException {
        checkExposure(file);
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1); PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IOException("private key file " + file + " is not PEM: " + e.getMessage(), e);
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (parsed instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
        }
        if (parsed instanceof PEMKeyPair pair) {
            return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (parsed instanceof PKCS8EncryptedPrivateKeyInfo || parsed instanceof PEMEncryptedKeyPair) {
            throw new IOException("private key " + file + " is encrypted; a holder starts unattended, so its key is kept"
                    + " unencrypted in an owner-only file (decrypt it: openssl pkey -in " + file + " -out <new file>)");
        }
        throw new IOException("file " + file + " holds no private key (found " + (parsed == null ? "nothing" : parsed.getClass().getSimpleName()) + ")");
    }

    /** @throws IOException if every local user may read the private key file; warns if its group may */
    static void checkExposure(Path file) throws IOException {
        switch (FileModes.exposure(file)) {
            case WORLD_READABLE -> throw new IOException("private key " + file + " is readable by every user of this machine and"
                    + " must be assumed copied; refusing it. If it has not left the machine: chmod 600 " + file
                    + "; otherwise make a new key and enrol again");
            case GROUP_READABLE -> LOG.warn("private key {} is readable by its group; make it owner-only (chmod 600) unless"
                    + " a service group reads it on purpose", file);
            default -> { }
        }
    }

    /**
     * Reads a private key as {@link #read} does and derives its public key, so that an existing key can sign a new
     * certificate request (a repeated enrolment, or a renewal that keeps the key).
     *
     * @throws IOException as {@link #read}, or if the key is not an EC P-256 key
     */
    public static KeyPair readKeyPair(Path file) throws IOException {
        PrivateKey key = read(file);
        X9ECParameters curve = ECNamedCurveTable.getByName(CURVE);
        if (!(key instanceof ECPrivateKey ec) || !ec.getParams().getOrder().equals(curve.getN())) {
            throw new IOException("private key " + file + " is not an EC P-256 key (" + key.getAlgorithm()
                    + "); make a new key for this holder");
        }
        ECPoint q = curve.getG().multiply(ec.getS()).normalize();
        try {
            PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), ec.getParams()));
            return new KeyPair(publicKey, key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the public key of " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return whether this public key (e.g. a certificate's) belongs to this private key, by signing a challenge */
    public static boolean matches(PrivateKey key, PublicKey publicKey) {
        try {
            String algorithm = signatureAlgorithm(key);
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** @return the JCA signature algorithm this project uses with a key of this type */
    static String signatureAlgorithm(PrivateKey key) throws NoSuchAlgorithmException {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new NoSuchAlgorithmException("no signature algorithm for " + key.getAlgorithm() + " keys");
        };
    }
}
