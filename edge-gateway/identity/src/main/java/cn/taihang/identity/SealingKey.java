package cn.taihang.identity;

import cn.taihang.identity.internal.FileModes;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's sealing key: an X25519 key pair to which the bridge seals secret command bodies (HPKE), made on the
 * gateway in its identity directory as {@value #FILE_NAME} (PKCS#8 PEM, owner-only, never overwritten, the same form
 * {@code openssl genpkey -algorithm X25519} writes); its public key travels in the gateway's birth message.
 *
 * @param privateKey the 32-byte X25519 private key
 * @param publicKey the 32-byte X25519 public key
 */
public record SealingKey(byte[] privateKey, byte[] publicKey) {

    /** File name in a holder's identity directory. */
    public static final String FILE_NAME = "seal-key.pem";
    private static final Logger LOG = LoggerFactory.getLogger(SealingKey.class);

    /** Copies. */
    public SealingKey {
        privateKey = privateKey.clone();
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Reads the identity directory's sealing key, making it (owner-only, the directory too if missing) when there is none.
     *
     * @throws IOException if it cannot be made or read, is readable by every local user, or is not an X25519 key
     */
    public static SealingKey loadOrCreate(Path identityDir) throws IOException {
        Path file = identityDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try {
                create(file);
                LOG.info("made the sealing key {} (X25519, owner-only); the bridge seals secret commands to its public key", file);
            } catch (FileAlreadyExistsException raced) {
                // another start made it first: read theirs
            }
        }
        return read(identityDir);
    }

    /**
     * @throws IOException if there is none, it is readable by every local user or it is not an X25519 private key
     */
    public static SealingKey read(Path identityDir) throws IOException {
        Path file = identityDir.resolve(FILE_NAME);
        KeyFiles.checkExposure(file);
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1); PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IOException("sealing key file " + file + " is not PEM: " + e.getMessage(), e);
        }
        AsymmetricKeyParameter key = parsed instanceof PrivateKeyInfo info ? PrivateKeyFactory.createKey(info) : null;
        if (!(key instanceof X25519PrivateKeyParameters x25519)) {
            throw new IOException("sealing key file " + file + " holds no X25519 private key; move it away and let the gateway make a new one");
        }
        return new SealingKey(x25519.getEncoded(), x25519.generatePublicKey().getEncoded());
    }

    private static void create(Path file) throws IOException {
        X25519PrivateKeyParameters key = new X25519PrivateKeyParameters(new SecureRandom());
        StringWriter pem = new StringWriter();
        try (PemWriter writer = new PemWriter(pem)) {
            PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_X25519), new DEROctetString(key.getEncoded()));
            writer.writeObject(new PemObject("PRIVATE KEY", info.getEncoded()));
        }
        FileModes.createPrivate(file, pem.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
