package cn.taihang.identity;

import cn.taihang.identity.CertificateRefusedException.Reason;
import cn.taihang.identity.internal.CrlWatch;
import cn.taihang.identity.internal.PathValidator;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one holder (a gateway, a bridge instance, a broker). The standard layout, {@link #in(Path)}:
 *
 * <pre>
 * &lt;dir&gt;/key.pem       the private key, PKCS#8 PEM, owner-only; made here, never leaves, never overwritten
 * &lt;dir&gt;/csr.pem       the last certificate request (PKCS#10), carried to the CA
 * &lt;dir&gt;/cert.pem      the holder's certificate, then the issuing CA's (the chain it presents)
 * &lt;dir&gt;/ca.pem        the trusted CA certificate(s): the city root
 * &lt;dir&gt;/crl.pem       the issuing CA's current CRL (optional; without it, peers' revocation is not checked)
 * &lt;dir&gt;/key.next.pem  a new key waiting for its certificate during a re-key (see {@link #createRekeyRequest})
 * </pre>
 *
 * The same files serve OpenSSL programs: mosquitto's {@code certfile}, {@code keyfile}, {@code cafile} and
 * {@code crlfile}; {@code openssl s_client -cert -key -CAfile -CRL}.
 */
public final class IdentityFiles {

    /** File names of the standard layout. */
    public static final String KEY = "key.pem";
    /** The certificate chain file. */
    public static final String CERTIFICATE = "cert.pem";
    /** The trusted CA certificates. */
    public static final String CA = "ca.pem";
    /** The CRL. */
    public static final String CRL = "crl.pem";
    /** The certificate request. */
    public static final String REQUEST = "csr.pem";
    /** A new key during a re-key. */
    public static final String NEXT_KEY = "key.next.pem";

    private static final Logger LOG = LoggerFactory.getLogger(IdentityFiles.class);

    private final Path key;
    private final Path certificate;
    private final Path ca;
    private final Path crl;
    private final Path request;
    private final Path nextKey;
    private final Path nextCertificate;

    private IdentityFiles(Path key, Path certificate, Path ca, Path crl) {
        this.key = Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.ca = Objects.requireNonNull(ca, "ca");
        this.crl = crl;
        this.request = key.resolveSibling(REQUEST);
        this.nextKey = key.resolveSibling(NEXT_KEY);
        this.nextCertificate = certificate.resolveSibling("cert.next.pem");
    }

    /** @return the standard layout in a directory (which need not exist yet) */
    public static IdentityFiles in(Path dir) {
        return new IdentityFiles(dir.resolve(KEY), dir.resolve(CERTIFICATE), dir.resolve(CA), dir.resolve(CRL));
    }

    /**
     * Files kept elsewhere (e.g. where an installation keeps its keys); the request and re-key files go beside the key.
     *
     * @param crl the CRL file; null for none
     */
    public static IdentityFiles of(Path key, Path certificate, Path caCertificates, Path crl) {
        return new IdentityFiles(key, certificate, caCertificates, crl);
    }

    /** @return the private key file */
    public Path key() {
        return key;
    }

    /** @return the certificate chain file */
    public Path certificate() {
        return certificate;
    }

    /** @return the trusted CA certificates file */
    public Path caCertificates() {
        return ca;
    }

    /** @return the CRL file, if this holder has one configured (it may not exist yet) */
    public Optional<Path> crl() {
        return Optional.ofNullable(crl);
    }

    /** @return where {@link #createRequest} writes the certificate request */
    public Path request() {
        return request;
    }

    /** @return whether the holder has a certificate installed */
    public boolean isEnrolled() {
        return Files.exists(certificate) || Files.exists(nextCertificate);
    }

    /**
     * The holder's side of an enrolment: makes the key pair unless the key file exists (an existing key is reused,
     * never overwritten) and writes a request for this name to {@link #request()}.
     *
     * @return the request, to be carried to the CA
     */
    public CertificateRequest createRequest(IdentityName name) throws IOException, GeneralSecurityException {
        completePendingInstall();
        KeyPair keys;
        if (Files.exists(key)) {
            keys = KeyFiles.readKeyPair(key);
            LOG.info("certificate request for {} uses the existing key {}", name, key);
        } else {
            keys = KeyFiles.create(key);
            LOG.info("made a new EC P-256 key {} for {}", key, name);
        }
        CertificateRequest made = CertificateRequest.create(name, keys);
        made.write(request);
        return made;
    }

    /**
     * The holder's side of a renewal with a new key: makes {@code key.next.pem} and writes a request for the name of
     * the installed certificate. The current key and certificate stay in use until {@link #install} receives the
     * new certificate, which then replaces both.
     *
     * @throws FileAlreadyExistsException if a re-key is already waiting for its certificate
     * @throws NoSuchFileException if the holder has no certificate yet (enrol it instead)
     */
    public CertificateRequest createRekeyRequest() throws IOException, GeneralSecurityException {
        completePendingInstall();
        IdentityName name = identity().name();
        if (Files.exists(nextKey)) {
            throw new FileAlreadyExistsException(nextKey.toString(), null, "a re-key is already waiting for its certificate:"
                    + " install it, or delete " + nextKey + " to start again");
        }
        CertificateRequest made = CertificateRequest.create(name, KeyFiles.create(nextKey));
        made.write(request);
        return made;
    }

    /**
     * Installs what the CA sent back, after checking it: the certificate belongs to this holder's key (or to the
     * waiting re-key, which then becomes the key), names a Taihang identity, and its chain leads to the given CA
     * certificates; the CRL, if given, is signed by the issuing CA. Files are replaced atomically.
     *
     * @param chain the holder's certificate first, then its issuing CA
     * @param caCertificates the trusted CA certificates (the city root)
     * @param crl the issuing CA's current CRL; null to keep the present one (if any)
     * @return the installed identity
     * @throws GeneralSecurityException naming what does not fit; nothing is written then
     */
    public Identity install(List<X509Certificate> chain, List<X509Certificate> caCertificates, X509CRL crl)
            throws IOException, GeneralSecurityException {
        completePendingInstall();
        X509Certificate leaf = chain.get(0);
        Identity identity = Identity.of(leaf);
        boolean rekey = !matchesKey(key, leaf);
        if (rekey && !matchesKey(nextKey, leaf)) {
            throw new GeneralSecurityException("the certificate of " + identity + " does not belong to " + key
                    + (Files.exists(nextKey) ? " nor to " + nextKey : "") + ": it was issued for another request");
        }
        List<X509Certificate> issuers = chain.subList(1, chain.size());
        PathValidator validator = new PathValidator(caCertificates, issuers);
        try {
            validator.validate(chain.toArray(X509Certificate[]::new), crl, "given with the certificate");
        } catch (CertificateRefusedException e) {
            if (e.reason() != Reason.NOT_YET_VALID) {
                throw e;
            }
            LOG.warn("installing a certificate that is not valid yet (is this machine's clock right?): {}", e.getMessage());
        }
        if (crl != null) {
            CrlWatch.verified(crl, signers(chain, caCertificates), "the CRL given with the certificate");
        }
        PemFiles.write(ca, PemFiles.toPem(caCertificates));
        if (crl != null && this.crl != null) {
            PemFiles.write(this.crl, PemFiles.toPem(crl));
        }
        if (rekey) {
            PemFiles.write(nextCertificate, PemFiles.toPem(chain));
            completePendingInstall();
        } else {
            PemFiles.write(certificate, PemFiles.toPem(chain));
        }
        LOG.info("installed the certificate of {} (valid until {}) in {}", identity, identity.notAfter(), certificate);
        return identity;
    }

    /** Reads the PEM files the CA sent back and {@link #install(List, List, X509CRL) installs} them. */
    public Identity install(Path chainPem, Path caPem, Path crlPem) throws IOException, GeneralSecurityException {
        return install(PemFiles.readCertificates(chainPem), PemFiles.readCertificates(caPem), crlPem == null ? null : PemFiles.readCrl(crlPem));
    }

    /**
     * Installs a CRL if it is newer than the present one. A CRL is self-authenticating (signed by the issuing CA),
     * so it may arrive over any channel; running TLS contexts pick it up at their next handshake.
     *
     * @return whether it was installed (false if it is not newer than the present one)
     * @throws IOException if it is not signed by this holder's issuing CA, or the holder has no CRL file configured
     */
    public boolean installCrl(X509CRL fresh) throws IOException, GeneralSecurityException {
        if (crl == null) {
            throw new IOException("this holder has no CRL file configured");
        }
        List<X509Certificate> chain = PemFiles.readCertificates(certificate);
        CrlWatch.verified(fresh, signers(chain, PemFiles.readCertificates(ca)), "the CRL offered");
        if (Files.exists(crl)) {
            X509CRL present = PemFiles.readCrl(crl);
            if (present.getIssuerX500Principal().equals(fresh.getIssuerX500Principal()) && crlNumber(fresh).compareTo(crlNumber(present)) <= 0) {
                return false;
            }
        }
        PemFiles.write(crl, PemFiles.toPem(fresh));
        return true;
    }

    /**
     * @return the identity of the installed certificate
     * @throws NoSuchFileException if the holder is not enrolled yet
     */
    public Identity identity() throws IOException, CertificateRefusedException {
        completePendingInstall();
        return Identity.of(PemFiles.readCertificates(certificate).get(0));
    }

    /** What a TLS context is made of; {@code crl} is null when the holder has no CRL file. */
    record Material(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> anchors, CrlWatch crl, Identity identity) {
    }

    /** Reads and cross-checks the holder's files. */
    Material load() throws IOException, GeneralSecurityException {
        completePendingInstall();
        if (!Files.exists(certificate)) {
            throw new NoSuchFileException(certificate.toString(), null, "this holder is not enrolled yet: make a request"
                    + " (pki make-gateway-csr), have the CA sign it (pki enrol-gateway) and install the certificate (pki install)");
        }
        List<X509Certificate> chain = PemFiles.readCertificates(certificate);
        PrivateKey privateKey = KeyFiles.read(key);
        Identity identity = Identity.of(chain.get(0));
        if (!KeyFiles.matches(privateKey, chain.get(0).getPublicKey())) {
            throw new GeneralSecurityException(certificate + " (" + identity + ") does not belong to " + key);
        }
        List<X509Certificate> anchors = PemFiles.readCertificates(ca);
        CrlWatch watch = null;
        if (crl != null && Files.exists(crl)) {
            watch = new CrlWatch(crl, signers(chain, anchors));
        }
        return new Material(privateKey, chain, anchors, watch, identity);
    }

    private static List<X509Certificate> signers(List<X509Certificate> chain, List<X509Certificate> anchors) {
        List<X509Certificate> signers = new ArrayList<>(chain.subList(1, chain.size()));
        signers.addAll(anchors);
        return signers;
    }

    private static boolean matchesKey(Path file, X509Certificate certificate) throws IOException {
        return Files.exists(file) && KeyFiles.matches(KeyFiles.read(file), certificate.getPublicKey());
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            return BigInteger.valueOf(crl.getThisUpdate().getTime());
        }
        return CRLNumber.getInstance(ASN1OctetString.getInstance(value).getOctets()).getCRLNumber();
    }

    /** Finishes a re-key that was interrupted between writing the new certificate and moving it into place. */
    private void completePendingInstall() throws IOException {
        if (!Files.exists(nextCertificate)) {
            return;
        }
        if (Files.exists(nextKey)) {
            Files.move(nextKey, key, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(nextCertificate, certificate, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
