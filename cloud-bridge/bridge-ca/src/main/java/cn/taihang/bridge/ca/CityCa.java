package cn.taihang.bridge.ca;

import cn.taihang.bridge.ca.CertificateRecord.Status;
import cn.taihang.bridge.ca.internal.CaLayout;
import cn.taihang.bridge.ca.internal.CertificateIndex;
import cn.taihang.bridge.ca.internal.CertificateMaker;
import cn.taihang.bridge.ca.internal.RequestCheck;
import cn.taihang.identity.CertificateRequest;
import cn.taihang.identity.Identity;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.KeyFiles;
import cn.taihang.identity.PemFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city CA: a root (whose key can go offline after {@link #create}) and an online issuing CA that certifies
 * gateways, bridge instances and brokers from their requests, renews, revokes and issues CRLs, keeping an index of
 * everything it issued. Its files are described in the module README; private keys are owner-only.
 *
 * <p>Two ways to enrol: with a request carried from the holder ({@link #enrolGateway(CertificateRequest, String,
 * String)} and its siblings, what {@code pki enrol-gateway} does for a Raspberry Pi), or in one call that makes the
 * key in the holder's directory with the holder's own code, signs and installs ({@link #enrolGateway(Path, String,
 * String)}, for the demo and tests). Either way the CA decides the name it certifies, from the arguments; a request
 * that asks for another name is refused.
 *
 * <p>Methods are synchronized, and every change happens under a lock of the CA directory, so two {@code pki}
 * processes cannot interleave; keep one {@code CityCa} per directory in a JVM.
 */
public final class CityCa {

    private static final Logger LOG = LoggerFactory.getLogger(CityCa.class);

    private final CaLayout layout;
    private final CaPolicy policy;
    private final X509Certificate root;
    private final X509Certificate issuing;
    private final PrivateKey issuingKey;
    private final CertificateMaker maker = new CertificateMaker();

    private CityCa(CaLayout layout, CaPolicy policy, X509Certificate root, X509Certificate issuing, PrivateKey issuingKey) {
        this.layout = layout;
        this.policy = policy;
        this.root = root;
        this.issuing = issuing;
        this.issuingKey = issuingKey;
    }

    /** Creates a CA with the {@linkplain CaPolicy#defaults() default policy}; see {@link #create(Path, CaPolicy)}. */
    public static CityCa create(Path dir) throws IOException, CaException {
        return create(dir, CaPolicy.defaults());
    }

    /**
     * Creates a CA in a new or empty directory (made owner-only): root and issuing CA keys and certificates, an empty
     * index and a first CRL.
     *
     * @throws CaException if the directory already holds a CA
     */
    public static CityCa create(Path dir, CaPolicy policy) throws IOException, CaException {
        CaLayout layout = new CaLayout(dir);
        if (Files.exists(layout.index()) || Files.exists(layout.rootCertificate()) || Files.exists(layout.issuingKey())) {
            throw new CaException("a CA exists in " + dir + " already; use it (without init), or choose another --dir");
        }
        Instant now = policy.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(policy.backdate());
        X509Certificate root;
        X509Certificate issuing;
        KeyPair issuingKeys;
        try {
            KeyPair rootKeys = KeyFiles.create(layout.rootKey());
            root = new CertificateMaker().root(CertificateMaker.caName(policy.organisation() + " Root CA", policy.organisation()),
                    rootKeys.getPublic(), rootKeys.getPrivate(), from, now.plus(policy.rootValidity()));
            issuingKeys = KeyFiles.create(layout.issuingKey());
            Instant until = earliest(now.plus(policy.issuingValidity()), root.getNotAfter().toInstant());
            issuing = new CertificateMaker().issuing(CertificateMaker.caName(policy.organisation() + " Issuing CA", policy.organisation()),
                    issuingKeys.getPublic(), root, rootKeys.getPrivate(), from, until);
        } catch (FileAlreadyExistsException e) {
            throw new CaException("a CA key exists in " + dir + " already (" + e.getFile() + "); use that CA, or choose another --dir", e);
        } catch (GeneralSecurityException e) {
            throw new CaException("cannot make the CA certificates: " + e.getMessage(), e);
        }
        PemFiles.write(layout.rootCertificate(), PemFiles.toPem(root));
        PemFiles.write(layout.issuingCertificate(), PemFiles.toPem(issuing));
        PemFiles.write(layout.trustAnchors(), PemFiles.toPem(root));
        new CertificateIndex(0, List.of()).write(layout.index());
        CityCa ca = new CityCa(layout, policy, root, issuing, issuingKeys.getPrivate());
        ca.issueCrl();
        LOG.info("city CA created in {}: root '{}' until {}, issuing CA until {}", dir, root.getSubjectX500Principal().getName(),
                root.getNotAfter().toInstant(), issuing.getNotAfter().toInstant());
        return ca;
    }

    /** Opens a CA with the default policy; see {@link #open(Path, CaPolicy)}. */
    public static CityCa open(Path dir) throws IOException, CaException {
        return open(dir, CaPolicy.defaults());
    }

    /**
     * Opens an existing CA. The root key may be absent (kept offline); the issuing CA's key must be present.
     *
     * @throws CaException if the directory holds no CA or its files do not fit together
     */
    public static CityCa open(Path dir, CaPolicy policy) throws IOException, CaException {
        CaLayout layout = new CaLayout(dir);
        if (!Files.exists(layout.index())) {
            throw new CaException("no CA in " + dir + " (no index.json): create one with `pki init --dir " + dir + "`");
        }
        X509Certificate root = PemFiles.readCertificates(layout.rootCertificate()).get(0);
        X509Certificate issuing = PemFiles.readCertificates(layout.issuingCertificate()).get(0);
        PrivateKey key = KeyFiles.read(layout.issuingKey());
        try {
            issuing.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CaException("the issuing CA certificate in " + dir + " is not signed by its root: " + e.getMessage(), e);
        }
        if (!KeyFiles.matches(key, issuing.getPublicKey())) {
            throw new CaException(layout.issuingKey() + " is not the key of " + layout.issuingCertificate());
        }
        return new CityCa(layout, policy, root, issuing, key);
    }

    /** Opens the CA in the directory, or creates one there with the default policy if there is none. */
    public static CityCa openOrCreate(Path dir) throws IOException, CaException {
        return openOrCreate(dir, CaPolicy.defaults());
    }

    /** Opens the CA in the directory, or creates one there if there is none (the demo, kept between runs). */
    public static CityCa openOrCreate(Path dir, CaPolicy policy) throws IOException, CaException {
        return Files.exists(new CaLayout(dir).index()) ? open(dir, policy) : create(dir, policy);
    }

    /** @return the CA directory */
    public Path directory() {
        return layout.dir();
    }

    /** @return the root certificate: what every holder trusts (the content of their {@code ca.pem}) */
    public X509Certificate rootCertificate() {
        return root;
    }

    /** @return the issuing CA's certificate (second in every holder's {@code cert.pem}) */
    public X509Certificate issuingCertificate() {
        return issuing;
    }

    /** @return whether the root's key is still in the CA directory (it should be moved offline after init) */
    public boolean rootKeyOnline() {
        return Files.exists(layout.rootKey());
    }

    /**
     * Certifies a gateway from its request.
     *
     * @throws CaException if the id or site breaks the rules, the request's signature does not verify, it asks for
     *     another name, or the id is certified as another holder
     */
    public IssuedCertificate enrolGateway(CertificateRequest request, String gatewayId, String site) throws IOException, CaException {
        IdentityName name = name(() -> IdentityName.gateway(gatewayId, site));
        return issue(name, RequestCheck.check(request, name), List.of());
    }

    /**
     * Certifies a bridge instance (clientAuth and serverAuth) from its request.
     *
     * @param serverNames DNS names and IP addresses clients dial it by, besides {@code localhost}, {@code 127.0.0.1}, {@code ::1}
     * @throws CaException as {@link #enrolGateway(CertificateRequest, String, String)}, or if a server name is malformed
     */
    public IssuedCertificate enrolBridge(CertificateRequest request, String instanceId, List<String> serverNames) throws IOException, CaException {
        IdentityName name = name(() -> IdentityName.bridge(instanceId));
        return issue(name, RequestCheck.check(request, name), RequestCheck.serverNames(serverNames));
    }

    /**
     * Certifies an external MQTT broker (serverAuth only) from its request.
     *
     * @param serverNames DNS names and IP addresses gateways dial it by, besides the local names
     * @throws CaException as {@link #enrolBridge}
     */
    public IssuedCertificate enrolBroker(CertificateRequest request, String brokerId, List<String> serverNames) throws IOException, CaException {
        IdentityName name = name(() -> IdentityName.broker(brokerId));
        return issue(name, RequestCheck.check(request, name), RequestCheck.serverNames(serverNames));
    }

    /**
     * Certifies a new request of an identity already certified, with the name and server names of its latest
     * certificate that is not revoked. The older certificate stays valid until it expires, unless revoked.
     *
     * @throws CaException if the id has no certificate that is not revoked, or the request names another holder
     */
    public IssuedCertificate renew(String id, CertificateRequest request) throws IOException, CaException {
        CertificateRecord last = list().stream().filter(r -> r.name().id().equals(id) && r.revokedAt() == null)
                .max(Comparator.comparing(CertificateRecord::notBefore))
                .orElseThrow(() -> new CaException("no certificate of '" + id + "' that is not revoked: enrol it instead (pki enrol-gateway, enrol-bridge)"));
        return issue(last.name(), RequestCheck.check(request, last.name()), last.serverNames());
    }

    /**
     * Enrols a gateway in one call: the gateway's key is made in its directory (or the one there reused) by the
     * identity library, its request signed, and {@code cert.pem}, {@code ca.pem} and {@code crl.pem} installed there.
     *
     * @return the installed identity
     */
    public Identity enrolGateway(Path identityDir, String gatewayId, String site) throws IOException, CaException {
        IdentityName name = name(() -> IdentityName.gateway(gatewayId, site));
        return install(identityDir, files -> enrolGateway(files.createRequest(name), gatewayId, site));
    }

    /** Enrols a bridge instance in one call, as {@link #enrolGateway(Path, String, String)} does a gateway. */
    public Identity enrolBridge(Path identityDir, String instanceId, List<String> serverNames) throws IOException, CaException {
        IdentityName name = name(() -> IdentityName.bridge(instanceId));
        return install(identityDir, files -> enrolBridge(files.createRequest(name), instanceId, serverNames));
    }

    /** Enrols a broker in one call, as {@link #enrolGateway(Path, String, String)} does a gateway. */
    public Identity enrolBroker(Path identityDir, String brokerId, List<String> serverNames) throws IOException, CaException {
        IdentityName name = name(() -> IdentityName.broker(brokerId));
        return install(identityDir, files -> enrolBroker(files.createRequest(name), brokerId, serverNames));
    }

    /** Renews an enrolled holder in one call with a new key ({@link IdentityFiles#createRekeyRequest}), and installs it. */
    public Identity renew(Path identityDir) throws IOException, CaException {
        return install(identityDir, files -> renew(files.identity().id(), files.createRekeyRequest()));
    }

    /**
     * Revokes one certificate and issues a fresh CRL (a certificate revoked already is left as it was).
     *
     * @return its record, revoked
     * @throws CaException if this CA issued no certificate with that serial
     */
    public synchronized CertificateRecord revoke(BigInteger serial, RevocationReason reason) throws IOException, CaException {
        List<CertificateRecord> revoked = revokeWhere(r -> r.serial().equals(serial), reason);
        if (revoked.isEmpty()) {
            throw new CaException("this CA issued no certificate with serial " + serial.toString(16) + " (pki list shows them)");
        }
        return revoked.get(0);
    }

    /**
     * Revokes every certificate of an identity that is not revoked or expired, and issues a fresh CRL.
     *
     * @return their records, revoked
     * @throws CaException if the id has no such certificate
     */
    public synchronized List<CertificateRecord> revoke(String id, RevocationReason reason) throws IOException, CaException {
        Instant now = now();
        List<CertificateRecord> revoked = revokeWhere(r -> r.name().id().equals(id) && r.status(now) != Status.EXPIRED, reason);
        if (revoked.isEmpty()) {
            throw new CaException("'" + id + "' has no certificate that is valid (pki list shows them)");
        }
        return revoked;
    }

    /** Issues a fresh CRL (next-update after the policy's CRL validity) and writes it to the CA's {@code crl.pem}. */
    public synchronized X509CRL issueCrl() throws IOException, CaException {
        try (CaLayout.Lock lock = layout.lock()) {
            return issueCrl(CertificateIndex.read(layout.index()));
        }
    }

    /** @return the CA's current CRL */
    public X509CRL currentCrl() throws IOException {
        return PemFiles.readCrl(layout.crl());
    }

    /**
     * Gives a holder the CA's current CRL, if it is newer than the holder's.
     *
     * @return whether the holder's {@code crl.pem} was replaced
     */
    public boolean publishCrl(Path identityDir) throws IOException, CaException {
        try {
            return IdentityFiles.in(identityDir).installCrl(currentCrl());
        } catch (GeneralSecurityException e) {
            throw new CaException("cannot give " + identityDir + " the CRL: " + e.getMessage(), e);
        }
    }

    /** @return every certificate this CA issued, oldest first */
    public List<CertificateRecord> list() throws IOException {
        return CertificateIndex.read(layout.index()).certificates();
    }

    /** @return the CA's current time (its policy's clock) */
    public Instant now() {
        return policy.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private synchronized IssuedCertificate issue(IdentityName name, PublicKey key, List<String> serverNames) throws IOException, CaException {
        try (CaLayout.Lock lock = layout.lock()) {
            CertificateIndex index = CertificateIndex.read(layout.index());
            Instant now = now();
            for (CertificateRecord other : index.certificates()) {
                Status status = other.status(now);
                if (other.name().id().equals(name.id()) && !other.name().equals(name) && (status == Status.VALID || status == Status.NOT_YET_VALID)) {
                    throw new CaException("'" + name.id() + "' is certified as " + other.name() + " (serial " + other.serialHex()
                            + "); an id names one holder: revoke that first (pki revoke --id " + name.id() + ") or choose another id");
                }
            }
            if (now.isAfter(issuing.getNotAfter().toInstant())) {
                throw new CaException("the issuing CA expired at " + issuing.getNotAfter().toInstant() + "; a new CA must be set up");
            }
            BigInteger serial = maker.serial();
            while (contains(index, serial)) {
                serial = maker.serial();
            }
            Instant notAfter = earliest(now.plus(policy.validity(name.kind())), issuing.getNotAfter().toInstant());
            CertificateRecord record = new CertificateRecord(serial, name, serverNames, now.minus(policy.backdate()), notAfter, null, null);
            X509Certificate certificate = maker.holder(record, key, issuing, issuingKey);
            PemFiles.write(layout.issued(serial), PemFiles.toPem(certificate));
            List<CertificateRecord> all = new ArrayList<>(index.certificates());
            all.add(record);
            new CertificateIndex(index.crlNumber(), all).write(layout.index());
            LOG.info("certified {} (serial {}) until {}", name, record.serialHex(), notAfter);
            return new IssuedCertificate(Identity.of(certificate), List.of(certificate, issuing));
        } catch (GeneralSecurityException e) {
            throw new CaException("cannot certify " + name + ": " + e.getMessage(), e);
        }
    }

    private List<CertificateRecord> revokeWhere(java.util.function.Predicate<CertificateRecord> which, RevocationReason reason)
            throws IOException, CaException {
        try (CaLayout.Lock lock = layout.lock()) {
            CertificateIndex index = CertificateIndex.read(layout.index());
            Instant now = now();
            List<CertificateRecord> all = new ArrayList<>();
            List<CertificateRecord> matched = new ArrayList<>();
            for (CertificateRecord record : index.certificates()) {
                CertificateRecord next = record;
                if (which.test(record)) {
                    next = record.revokedAt() == null ? record.revoked(now, reason) : record;
                    matched.add(next);
                    LOG.info("{} (serial {}) {}", record.name(), record.serialHex(), record.revokedAt() == null
                            ? "revoked: " + reason.label() : "was revoked already on " + record.revokedAt());
                }
                all.add(next);
            }
            if (!matched.isEmpty()) {
                issueCrl(new CertificateIndex(index.crlNumber(), all));
            }
            return matched;
        }
    }

    private X509CRL issueCrl(CertificateIndex index) throws IOException, CaException {
        Instant now = now();
        List<CertificateRecord> revoked = index.certificates().stream()
                .filter(r -> r.revokedAt() != null && r.notAfter().isAfter(now)).toList();
        long number = index.crlNumber() + 1;
        try {
            X509CRL crl = maker.crl(issuing, issuingKey, revoked, number, now, now.plus(policy.crlValidity()));
            new CertificateIndex(number, index.certificates()).write(layout.index());
            PemFiles.write(layout.crl(), PemFiles.toPem(crl));
            LOG.info("CRL {} issued: {} revoked, next update {}", number, revoked.size(), crl.getNextUpdate().toInstant());
            return crl;
        } catch (GeneralSecurityException e) {
            throw new CaException("cannot issue the CRL: " + e.getMessage(), e);
        }
    }

    /** A step done with a holder's files. */
    private interface HolderStep {
        IssuedCertificate run(IdentityFiles files) throws IOException, GeneralSecurityException, CaException;
    }

    private Identity install(Path identityDir, HolderStep step) throws IOException, CaException {
        IdentityFiles files = IdentityFiles.in(identityDir);
        try {
            IssuedCertificate issued = step.run(files);
            return files.install(issued.chain(), List.of(root), currentCrl());
        } catch (GeneralSecurityException e) {
            throw new CaException("the holder's files in " + identityDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean contains(CertificateIndex index, BigInteger serial) {
        return index.certificates().stream().anyMatch(r -> r.serial().equals(serial));
    }

    private static IdentityName name(Supplier<IdentityName> make) throws CaException {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new CaException(e.getMessage(), e);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
