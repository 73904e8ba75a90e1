package cn.taihang.identity;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates with whatever names a test needs, to try the naming convention (the real CA is in bridge-ca). */
final class TestCertificates {

    private TestCertificates() {
    }

    static X509Certificate selfSigned(List<String> commonNames, List<String> uris) throws Exception {
        KeyPair keys = KeyFiles.generate();
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "test");
        commonNames.forEach(cn -> subject.addRDN(BCStyle.CN, cn));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject.build(), BigInteger.valueOf(4711),
                Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)), subject.build(), keys.getPublic());
        if (!uris.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(uris.stream()
                    .map(u -> new GeneralName(GeneralName.uniformResourceIdentifier, u)).toArray(GeneralName[]::new)));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
