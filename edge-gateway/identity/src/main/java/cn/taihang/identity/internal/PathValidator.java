package cn.taihang.identity.internal;

import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.CertificateRefusedException.Reason;
import cn.taihang.identity.Identity;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * PKIX validation of a holder's chain against the trusted CA certificates, with revocation checked against the local
 * CRL only (no OCSP, no network fetch) and for the holder's certificate only: an issuing CA is withdrawn by
 * replacing the trust anchors, since its CRL would have to be signed by the offline root. Failures become a
 * {@link CertificateRefusedException} whose reason and message say exactly what is wrong.
 */
public final class PathValidator {

    private static final int MAX_PATH = 4;

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> anchorCertificates;
    private final List<X509Certificate> intermediates;

    /**
     * @param anchorCertificates the trusted CA certificates (the holder's {@code ca.pem})
     * @param intermediates CA certificates that may complete a peer's chain (the holder's own issuing CA)
     */
    public PathValidator(List<X509Certificate> anchorCertificates, List<X509Certificate> intermediates) {
        if (anchorCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted CA certificate is needed");
        }
        this.anchorCertificates = List.copyOf(anchorCertificates);
        this.intermediates = List.copyOf(intermediates);
        this.anchors = anchorCertificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
    }

    /** @return the trusted CA certificates */
    public List<X509Certificate> anchorCertificates() {
        return anchorCertificates;
    }

    /** @return the CA certificates that may complete a chain */
    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    /**
     * The chain as a path from the holder up to (not including) a trust anchor: trust anchors the peer sent are
     * dropped and a missing issuing CA is taken from the known intermediates.
     */
    public List<X509Certificate> complete(X509Certificate[] chain) {
        List<X509Certificate> path = new ArrayList<>(List.of(chain));
        while (path.size() > 1 && anchorCertificates.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        Set<X500Principal> anchorSubjects = new HashSet<>();
        anchorCertificates.forEach(c -> anchorSubjects.add(c.getSubjectX500Principal()));
        while (path.size() < MAX_PATH && !anchorSubjects.contains(path.get(path.size() - 1).getIssuerX500Principal())) {
            X500Principal issuer = path.get(path.size() - 1).getIssuerX500Principal();
            X509Certificate next = intermediates.stream().filter(c -> c.getSubjectX500Principal().equals(issuer) && !path.contains(c))
                    .findFirst().orElse(null);
            if (next == null) {
                break;
            }
            path.add(next);
        }
        return path;
    }

    /**
     * @param chain the holder's certificate first
     * @param crl the CRL to check the holder's certificate against; {@code null} to skip revocation checking
     * @param crlSource where the CRL came from, for messages
     * @throws CertificateRefusedException saying why the chain is not acceptable
     */
    public void validate(X509Certificate[] chain, X509CRL crl, String crlSource) throws CertificateRefusedException {
        List<X509Certificate> path = complete(chain);
        X509Certificate leaf = path.get(0);
        if (crl != null && crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(Instant.now())
                && crl.getIssuerX500Principal().equals(leaf.getIssuerX500Principal())) {
            throw new CertificateRefusedException(Reason.REVOCATION_UNKNOWN, describe(leaf) + ": the CRL " + crlSource
                    + " was due to be replaced at " + crl.getNextUpdate().toInstant() + " and is no longer current; install a fresh"
                    + " one (run `pki crl` at the CA and copy its crl.pem here)", null);
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            validator.validate(certPath, parameters(validator, crl));
        } catch (CertPathValidatorException e) {
            throw translate(path, e, crl, crlSource);
        } catch (GeneralSecurityException e) {
            throw new CertificateRefusedException(Reason.OTHER, describe(leaf) + ": cannot validate: " + e.getMessage(), e);
        }
    }

    private PKIXParameters parameters(CertPathValidator validator, X509CRL crl) throws InvalidAlgorithmParameterException {
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false);
        if (crl != null) {
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
            parameters.addCertPathChecker(checker);
            try {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no Collection CertStore", e);
            }
        }
        return parameters;
    }

    private CertificateRefusedException translate(List<X509Certificate> path, CertPathValidatorException e, X509CRL crl, String crlSource) {
        X509Certificate leaf = path.get(0);
        int index = e.getIndex();
        X509Certificate at = index >= 0 && index < path.size() ? path.get(index) : leaf;
        String who = describe(leaf) + (at == leaf ? "" : " (its issuing CA '" + at.getSubjectX500Principal().getName() + "')");
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.EXPIRED) {
            return new CertificateRefusedException(Reason.EXPIRED, who + " expired at " + at.getNotAfter().toInstant()
                    + " (now " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "); renew it (pki renew)", e);
        }
        if (reason == BasicReason.NOT_YET_VALID) {
            return new CertificateRefusedException(Reason.NOT_YET_VALID, who + " is not valid before " + at.getNotBefore().toInstant()
                    + " (now " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "); check this machine's clock (a board without a real-time clock starts"
                    + " in the past until NTP sets it)", e);
        }
        if (reason == BasicReason.REVOKED) {
            String detail = e.getCause() instanceof CertificateRevokedException revoked
                    ? " on " + revoked.getRevocationDate().toInstant() + " (reason " + revoked.getRevocationReason() + ")" : "";
            return new CertificateRefusedException(Reason.REVOKED, who + " was revoked by the CA" + detail + " (CRL " + crlSource + ")", e);
        }
        if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            String why = crl == null ? "no CRL" : "the CRL " + crlSource + " is from '" + crl.getIssuerX500Principal().getName()
                    + "', not from the certificate's issuer '" + leaf.getIssuerX500Principal().getName() + "', or is not current";
            return new CertificateRefusedException(Reason.REVOCATION_UNKNOWN, who + ": revocation status unknown: " + why
                    + "; install the issuing CA's current crl.pem", e);
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR || reason == BasicReason.INVALID_SIGNATURE) {
            return new CertificateRefusedException(Reason.UNTRUSTED, who + " is not issued under a trusted CA (issuer '"
                    + path.get(path.size() - 1).getIssuerX500Principal().getName() + "'; trusted: " + anchorNames()
                    + "): a foreign CA, or an altered certificate", e);
        }
        if (reason == PKIXReason.INVALID_KEY_USAGE || reason == PKIXReason.NOT_CA_CERT || reason == PKIXReason.PATH_TOO_LONG) {
            return new CertificateRefusedException(Reason.WRONG_KEY_USAGE, who + ": " + e.getMessage(), e);
        }
        return new CertificateRefusedException(Reason.OTHER, who + ": " + e.getMessage(), e);
    }

    private String anchorNames() {
        return anchorCertificates.stream().map(c -> "'" + c.getSubjectX500Principal().getName() + "'").collect(Collectors.joining(", "));
    }

    /** @return the identity a certificate names, or else its subject, with its serial */
    public static String describe(X509Certificate certificate) {
        try {
            return "certificate of " + Identity.of(certificate);
        } catch (CertificateRefusedException e) {
            return "certificate '" + certificate.getSubjectX500Principal().getName() + "' (serial "
                    + certificate.getSerialNumber().toString(16) + ")";
        }
    }
}
