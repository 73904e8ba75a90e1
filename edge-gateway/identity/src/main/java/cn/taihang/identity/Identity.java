package cn.taihang.identity;

import cn.taihang.identity.CertificateRefusedException.Reason;
import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who a certificate names, as read from it by {@link #of}: the holder's {@link IdentityName} and the certificate's
 * serial number and validity period. Reading checks the naming convention only (see the package documentation);
 * whether the certificate is trusted, current and not revoked is decided by a {@link TlsContext}.
 *
 * @param name kind, id and (gateways) site
 * @param serial the certificate's serial number
 * @param notBefore start of its validity period
 * @param notAfter end of its validity period
 */
public record Identity(IdentityName name, BigInteger serial, Instant notBefore, Instant notAfter) {

    private static final int SAN_URI = 6;

    /** @throws NullPointerException if any field is null */
    public Identity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** @return the kind of holder */
    public Kind kind() {
        return name.kind();
    }

    /** @return the holder's id: gateway id, bridge instance id or broker id */
    public String id() {
        return name.id();
    }

    /** @return the gateway's site id; {@code null} unless {@link #kind()} is {@link Kind#GATEWAY} */
    public String site() {
        return name.site();
    }

    /** @return the serial number as lower-case hex, the way {@code openssl x509 -serial} and {@code pki list} show it */
    public String serialHex() {
        return serial.toString(16);
    }

    /**
     * Reads the identity a certificate names.
     *
     * @param certificate a holder's (end-entity) certificate
     * @return its identity
     * @throws CertificateRefusedException {@link Reason#BAD_NAME} if the certificate does not carry exactly one
     *     {@code urn:taihang:} URI, the URI is malformed, or the subject's CN is not the id the URI names
     */
    public static Identity of(X509Certificate certificate) throws CertificateRefusedException {
        Objects.requireNonNull(certificate, "certificate");
        String subject = certificate.getSubjectX500Principal().getName();
        List<String> uris = identityUris(certificate, subject);
        if (uris.size() != 1) {
            throw badName(subject, certificate, uris.isEmpty()
                    ? "it carries no " + IdentityName.URI_PREFIX + " URI in its subject alternative names; it was not issued by the city CA for a holder"
                    : "it carries " + uris.size() + " identity URIs " + uris + "; exactly one is allowed");
        }
        IdentityName name;
        try {
            name = IdentityName.fromUri(uris.get(0));
        } catch (IllegalArgumentException e) {
            throw badName(subject, certificate, e.getMessage());
        }
        List<String> commonNames = commonNames(certificate);
        if (commonNames.size() != 1 || !commonNames.get(0).equals(name.id())) {
            throw badName(subject, certificate, "its subject CN " + commonNames + " must be exactly the id '" + name.id() + "' its URI names");
        }
        return new Identity(name, certificate.getSerialNumber(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
    }

    /** @return e.g. {@code gateway gw-1 at site post-3 (serial 5f3a…)} */
    @Override
    public String toString() {
        return name + " (serial " + serialHex() + ")";
    }

    private static List<String> identityUris(X509Certificate certificate, String subject) throws CertificateRefusedException {
        Collection<List<?>> alternatives;
        try {
            alternatives = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw badName(subject, certificate, "its subject alternative names cannot be read: " + e.getMessage());
        }
        List<String> uris = new ArrayList<>();
        if (alternatives != null) {
            for (List<?> alternative : alternatives) {
                if (alternative.get(0) instanceof Integer type && type == SAN_URI
                        && alternative.get(1) instanceof String uri && uri.startsWith(IdentityName.URI_PREFIX)) {
                    uris.add(uri);
                }
            }
        }
        return uris;
    }

    private static List<String> commonNames(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<String> names = new ArrayList<>();
        for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
            names.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        return names;
    }

    private static CertificateRefusedException badName(String subject, X509Certificate certificate, String why) {
        return new CertificateRefusedException(Reason.BAD_NAME, "certificate '" + subject + "' (serial "
                + certificate.getSerialNumber().toString(16) + ") does not name a Taihang identity: " + why, null);
    }
}
