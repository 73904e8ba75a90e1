package cn.taihang.bridge.ca.internal;

import cn.taihang.bridge.ca.CertificateRecord;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.Kind;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * The X.509 the CA signs, with BouncyCastle: the root (path length 1), the issuing CA (path length 0), holder
 * certificates (subject {@code CN=<id>}, the identity URI, key usage digitalSignature, extended key usage by kind:
 * gateways clientAuth, bridge instances clientAuth + serverAuth, brokers serverAuth; DNS/IP names for servers) and
 * CRLs (with CRL number and next-update). Serial numbers are 127 random bits. Signatures ECDSA with SHA-256.
 */
public final class CertificateMaker {

    private static final String SIGNATURE = "SHA256withECDSA";

    private final SecureRandom random = new SecureRandom();
    private final JcaX509ExtensionUtils extensions;

    /** Makes a maker. */
    public CertificateMaker() {
        try {
            extensions = new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-1 for key identifiers", e);
        }
    }

    /** @return a fresh serial number: 127 random bits, positive, at most 16 bytes */
    public BigInteger serial() {
        return new BigInteger(127, random).setBit(0);
    }

    /** @return the subject of a CA certificate */
    public static X500Name caName(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organisation).addRDN(BCStyle.CN, commonName).build();
    }

    /** @return a self-signed root certificate */
    public X509Certificate root(X500Name subject, PublicKey publicKey, PrivateKey privateKey, Instant from, Instant until)
            throws GeneralSecurityException {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(from), Date.from(until), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
            return sign(builder, privateKey);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode the root certificate: " + e.getMessage(), e);
        }
    }

    /** @return an issuing CA certificate signed by the root */
    public X509Certificate issuing(X500Name subject, PublicKey publicKey, X509Certificate root, PrivateKey rootKey, Instant from, Instant until)
            throws GeneralSecurityException {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial(), Date.from(from), Date.from(until), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(root.getPublicKey()));
            return sign(builder, rootKey);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode the issuing CA certificate: " + e.getMessage(), e);
        }
    }

    /**
     * @param record serial, name, server names and validity of the certificate
     * @return a holder certificate signed by the issuing CA
     */
    public X509Certificate holder(CertificateRecord record, PublicKey publicKey, X509Certificate issuer, PrivateKey issuerKey)
            throws GeneralSecurityException {
        IdentityName name = record.name();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name.id()).build();
        List<GeneralName> alternatives = new ArrayList<>();
        alternatives.add(new GeneralName(GeneralName.uniformResourceIdentifier, name.uri()));
        for (String server : record.serverNames()) {
            alternatives.add(new GeneralName(IPAddress.isValid(server) ? GeneralName.iPAddress : GeneralName.dNSName, server));
        }
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, record.serial(), Date.from(record.notBefore()),
                    Date.from(record.notAfter()), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes(name.kind())))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer.getPublicKey()));
            return sign(builder, issuerKey);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode the certificate of " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param revoked the revoked certificates to list
     * @return a CRL signed by the issuing CA
     */
    public X509CRL crl(X509Certificate issuer, PrivateKey issuerKey, List<CertificateRecord> revoked, long number, Instant thisUpdate,
                       Instant nextUpdate) throws GeneralSecurityException {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(thisUpdate))
                    .setNextUpdate(Date.from(nextUpdate))
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer.getPublicKey()));
            for (CertificateRecord record : revoked) {
                builder.addCRLEntry(record.serial(), Date.from(record.revokedAt()), record.revocationReason().code());
            }
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuerKey);
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the CRL: " + e.getMessage(), e);
        }
    }

    private static KeyPurposeId[] purposes(Kind kind) {
        return switch (kind) {
            case GATEWAY -> new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth};
            case BRIDGE -> new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth};
            case BROKER -> new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth};
        };
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
        try {
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign: " + e.getMessage(), e);
        }
    }
}
