package cn.taihang.identity.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** The two ends of a TLS connection and the certificate usages each needs (RFC 5280 4.2.1.3 and 4.2.1.12). */
public enum TlsUsage {
    /** The client: extended key usage id-kp-clientAuth. */
    CLIENT("clientAuth", "1.3.6.1.5.5.7.3.2"),
    /** The server: extended key usage id-kp-serverAuth. */
    SERVER("serverAuth", "1.3.6.1.5.5.7.3.1");

    private static final int DIGITAL_SIGNATURE = 0;

    private final String label;
    private final String oid;

    TlsUsage(String label, String oid) {
        this.label = label;
        this.oid = oid;
    }

    /** @return the usage's name as OpenSSL prints it, e.g. {@code clientAuth} */
    public String label() {
        return label;
    }

    /** @return what is wrong with using this certificate at this end, or empty if it may be used so */
    public Optional<String> problemWith(X509Certificate certificate) {
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
            return Optional.of("its key usage lacks digitalSignature");
        }
        List<String> extended;
        try {
            extended = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return Optional.of("its extended key usage cannot be read: " + e.getMessage());
        }
        if (extended == null) {
            return Optional.of("it has no extended key usage; the city CA marks every certificate clientAuth and/or serverAuth");
        }
        if (!extended.contains(oid)) {
            return Optional.of("its extended key usage does not include " + label + " (TLS " + name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return Optional.empty();
    }
}
