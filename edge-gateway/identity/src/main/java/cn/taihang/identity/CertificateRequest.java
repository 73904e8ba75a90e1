package cn.taihang.identity;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A PKCS#10 certificate signing request (CSR): a holder's public key and the name it asks for, signed with its
 * private key. Made on the holder ({@link #create}); the CA reads it ({@link #parse}), checks its signature and
 * decides itself which name it certifies.
 */
public final class CertificateRequest {

    private final PKCS10CertificationRequest request;

    private CertificateRequest(PKCS10CertificationRequest request) {
        this.request = request;
    }

    /**
     * Makes the request of a holder: subject {@code CN=<id>} and the identity URI as subject alternative name,
     * signed with the key pair's private key.
     */
    public static CertificateRequest create(IdentityName name, KeyPair keys) throws GeneralSecurityException {
        Objects.requireNonNull(name, "name");
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name.id()).build();
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, name.uri())));
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder(KeyFiles.signatureAlgorithm(keys.getPrivate())).build(keys.getPrivate()));
            return new CertificateRequest(request);
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign the certificate request: " + e.getMessage(), e);
        }
    }

    /**
     * @param pem a {@code CERTIFICATE REQUEST} PEM block (as {@code openssl req} writes it)
     * @throws IOException if the text holds no request or it cannot be decoded
     */
    public static CertificateRequest parse(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PKCS10CertificationRequest request) {
                    return new CertificateRequest(request);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot decode the certificate request: " + e.getMessage(), e);
        }
        throw new IOException("no PEM CERTIFICATE REQUEST found");
    }

    /** @throws IOException if the file cannot be read or holds no request, naming the file */
    public static CertificateRequest read(Path file) throws IOException {
        return PemFiles.read(file, CertificateRequest::parse);
    }

    /** @return the requested subject, RFC 4514 style, e.g. {@code CN=gw-1} */
    public String subject() {
        return request.getSubject().toString();
    }

    /** @return the values of the subject's CN attributes (one for a well-formed request) */
    public List<String> commonNames() {
        List<String> names = new ArrayList<>();
        for (RDN rdn : request.getSubject().getRDNs(BCStyle.CN)) {
            names.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        return names;
    }

    /** @return the URIs among the requested subject alternative names (empty if it requests none) */
    public List<String> requestedUris() {
        List<String> uris = new ArrayList<>();
        for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            for (var value : attribute.getAttributeValues()) {
                GeneralNames names = GeneralNames.fromExtensions(Extensions.getInstance(value), Extension.subjectAlternativeName);
                if (names == null) {
                    continue;
                }
                for (GeneralName name : names.getNames()) {
                    if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        uris.add(name.getName().toString());
                    }
                }
            }
        }
        return uris;
    }

    /** @return the public key to be certified */
    public PublicKey publicKey() throws GeneralSecurityException {
        try {
            return new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo());
        } catch (PEMException e) {
            throw new GeneralSecurityException("the request's public key cannot be read: " + e.getMessage(), e);
        }
    }

    /** @return whether the request is signed by the private key of the public key it carries (proof of possession) */
    public boolean isSignatureValid() {
        try {
            return request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey()));
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | RuntimeException e) {
            return false;
        }
    }

    /** @return the DER encoding */
    public byte[] encoded() {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("a parsed request cannot be re-encoded", e);
        }
    }

    /** @return the request as a PEM block */
    public String toPem() {
        return PemFiles.toPem(request);
    }

    /** Writes the request as PEM, replacing the file atomically. */
    public void write(Path file) throws IOException {
        PemFiles.write(file, toPem());
    }

    @Override
    public String toString() {
        return "certificate request for " + subject() + " " + requestedUris();
    }
}
