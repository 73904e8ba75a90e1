package cn.taihang.bridge.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.bridge.ca.CertificateRecord.Status;
import cn.taihang.identity.CertificateRequest;
import cn.taihang.identity.Identity;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.KeyFiles;
import cn.taihang.identity.PemFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class CityCaTest {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @TempDir
    Path temp;
    CityCa ca;

    @BeforeEach
    void createTheCa() throws Exception {
        ca = CityCa.create(temp.resolve("ca"));
    }

    @Test
    void initMakesARootAndAnIssuingCaWithOwnerOnlyKeysAndRefusesASecondInit() throws Exception {
        Path dir = ca.directory();
        for (String key : List.of("root/key.pem", "issuing/key.pem")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key)))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        X509Certificate root = ca.rootCertificate();
        X509Certificate issuing = ca.issuingCertificate();
        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(issuing.getBasicConstraints()).isZero();
        assertThat(issuing.getKeyUsage()[5]).as("keyCertSign").isTrue();
        issuing.verify(root.getPublicKey());
        assertThat(PemFiles.readCertificates(dir.resolve("ca.pem"))).containsExactly(root);
        assertThat(ca.currentCrl().getNextUpdate()).isAfter(ca.currentCrl().getThisUpdate());
        assertThatThrownBy(() -> CityCa.create(dir)).isInstanceOf(CaException.class).hasMessageContaining("exists in");
        assertThatThrownBy(() -> CityCa.open(temp.resolve("nothing"))).hasMessageContaining("pki init --dir");
    }

    @Test
    void enrolmentCertifiesTheNameTheCaWasGivenWithTheUsagesOfItsKind() throws Exception {
        IssuedCertificate gateway = ca.enrolGateway(request(IdentityName.gateway("gw-1", "post-3")), "gw-1", "post-3");
        X509Certificate cert = gateway.certificate();
        assertThat(Identity.of(cert).name()).isEqualTo(IdentityName.gateway("gw-1", "post-3"));
        assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getSerialNumber().bitLength()).isGreaterThan(64);
        assertThat(gateway.chain()).containsExactly(cert, ca.issuingCertificate());
        cert.verify(ca.issuingCertificate().getPublicKey());

        X509Certificate bridge = ca.enrolBridge(request(IdentityName.bridge("bridge-1")), "bridge-1", List.of("bridge.city.example", "10.0.0.5"))
                .certificate();
        assertThat(bridge.getExtendedKeyUsage()).containsExactlyInAnyOrder(CLIENT_AUTH, SERVER_AUTH);
        assertThat(names(bridge)).contains("urn:taihang:bridge:bridge-1", "localhost", "127.0.0.1", "bridge.city.example", "10.0.0.5");
        X509Certificate broker = ca.enrolBroker(request(IdentityName.broker("mqtt-1")), "mqtt-1", List.of()).certificate();
        assertThat(broker.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);

        assertThat(ca.list()).extracting(r -> r.name().id()).containsExactly("gw-1", "bridge-1", "mqtt-1");
        assertThat(ca.list()).allSatisfy(r -> assertThat(r.status(ca.now())).isEqualTo(Status.VALID));
        assertThat(PemFiles.readCertificates(ca.directory().resolve("issued/" + Identity.of(cert).serialHex() + ".pem"))).containsExactly(cert);
    }

    @Test
    void refusesRequestsThatDisagreeWithTheEnrolmentOrAreNotProvenOrNotP256() throws Exception {
        CertificateRequest forGw1 = request(IdentityName.gateway("gw-1", "post-3"));
        assertThatThrownBy(() -> ca.enrolGateway(forGw1, "gw-2", "post-3")).isInstanceOf(CaException.class)
                .hasMessageContaining("does not name gateway gw-2").hasMessageContaining("--id gw-2");
        assertThatThrownBy(() -> ca.enrolGateway(forGw1, "gw-1", "hub-east")).hasMessageContaining("asks for the identity urn:taihang:gateway:post-3:gw-1");
        assertThatThrownBy(() -> ca.enrolBridge(forGw1, "gw-1", List.of())).hasMessageContaining("asks for the identity");

        byte[] der = forGw1.encoded();
        der[der.length - 5] ^= 0x01;
        CertificateRequest altered = CertificateRequest.parse(PemFiles.toPem(new org.bouncycastle.pkcs.PKCS10CertificationRequest(der)));
        assertThatThrownBy(() -> ca.enrolGateway(altered, "gw-1", "post-3")).hasMessageContaining("signature does not verify");

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaKeys = rsa.generateKeyPair();
        CertificateRequest rsaRequest = CertificateRequest.parse(PemFiles.toPem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=gw-1"),
                rsaKeys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(rsaKeys.getPrivate()))));
        assertThatThrownBy(() -> ca.enrolGateway(rsaRequest, "gw-1", "post-3")).hasMessageContaining("EC P-256 keys only");

        assertThatThrownBy(() -> ca.enrolGateway(forGw1, "GW 1", "post-3")).isInstanceOf(CaException.class).hasMessageContaining("gateway id");
        CertificateRequest forBridge = request(IdentityName.bridge("bridge-1"));
        assertThatThrownBy(() -> ca.enrolBridge(forBridge, "bridge-1", List.of("not a name"))).hasMessageContaining("neither a DNS name nor an IP");
        assertThat(ca.list()).isEmpty();
    }

    @Test
    void anIdNamesOneHolderUntilItsCertificateIsRevoked() throws Exception {
        ca.enrolGateway(request(IdentityName.gateway("shared", "post-3")), "shared", "post-3");
        assertThatThrownBy(() -> ca.enrolBridge(request(IdentityName.bridge("shared")), "shared", List.of()))
                .hasMessageContaining("is certified as gateway shared at site post-3").hasMessageContaining("pki revoke --id shared");
        assertThatThrownBy(() -> ca.enrolGateway(request(IdentityName.gateway("shared", "hub-east")), "shared", "hub-east"))
                .hasMessageContaining("is certified as gateway shared at site post-3");
        ca.revoke("shared", RevocationReason.AFFILIATION_CHANGED);
        assertThat(ca.enrolGateway(request(IdentityName.gateway("shared", "hub-east")), "shared", "hub-east").identity().site()).isEqualTo("hub-east");
    }

    @Test
    void theOneCallEnrolmentMakesTheKeyInTheHoldersDirectoryAndReusesItNeverOverwriting() throws Exception {
        Path dir = temp.resolve("gw-1");
        Identity first = ca.enrolGateway(dir, "gw-1", "post-3");
        IdentityFiles files = IdentityFiles.in(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.key()))).isEqualTo("rw-------");
        assertThat(PemFiles.readCertificates(files.certificate())).hasSize(2);
        assertThat(PemFiles.readCertificates(files.caCertificates())).containsExactly(ca.rootCertificate());
        assertThat(Files.exists(files.crl().orElseThrow())).isTrue();
        assertThat(files.identity()).isEqualTo(first);
        byte[] key = Files.readAllBytes(files.key());

        Identity second = ca.enrolGateway(dir, "gw-1", "post-3");
        assertThat(second.serial()).isNotEqualTo(first.serial());
        assertThat(Files.readAllBytes(files.key())).isEqualTo(key);
        assertThat(PemFiles.readCertificates(files.certificate()).get(0).getPublicKey()).isEqualTo(KeyFiles.readKeyPair(files.key()).getPublic());
    }

    @Test
    void renewalWithANewKeyLeavesTheOldCertificateValid() throws Exception {
        Path dir = temp.resolve("bridge-1");
        Identity old = ca.enrolBridge(dir, "bridge-1", List.of("bridge.city.example"));
        byte[] oldKey = Files.readAllBytes(dir.resolve("key.pem"));
        Identity renewed = ca.renew(dir);
        assertThat(renewed.name()).isEqualTo(old.name());
        assertThat(renewed.serial()).isNotEqualTo(old.serial());
        assertThat(Files.readAllBytes(dir.resolve("key.pem"))).isNotEqualTo(oldKey);
        assertThat(Files.exists(dir.resolve(IdentityFiles.NEXT_KEY))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem")))).isEqualTo("rw-------");
        assertThat(names(PemFiles.readCertificates(dir.resolve("cert.pem")).get(0))).contains("bridge.city.example");
        assertThat(ca.list()).extracting(r -> r.status(ca.now())).containsExactly(Status.VALID, Status.VALID);

        assertThatThrownBy(() -> ca.renew("bridge-1", request(IdentityName.bridge("bridge-2")))).hasMessageContaining("does not name bridge bridge-1");
        assertThatThrownBy(() -> ca.renew("nobody", request(IdentityName.bridge("nobody")))).hasMessageContaining("enrol it instead");
    }

    @Test
    void revocationBySerialOrIdIssuesAFreshNumberedCrl() throws Exception {
        X509CRL first = ca.currentCrl();
        IssuedCertificate a = ca.enrolGateway(request(IdentityName.gateway("gw-a", "post-3")), "gw-a", "post-3");
        ca.enrolGateway(request(IdentityName.gateway("gw-b", "post-3")), "gw-b", "post-3");
        CertificateRecord revoked = ca.revoke(a.identity().serial(), RevocationReason.KEY_COMPROMISE);
        assertThat(revoked.status(ca.now())).isEqualTo(Status.REVOKED);
        X509CRL second = ca.currentCrl();
        assertThat(crlNumber(second)).isGreaterThan(crlNumber(first));
        X509CRLEntry entry = second.getRevokedCertificate(a.certificate());
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        second.verify(ca.issuingCertificate().getPublicKey());

        assertThat(ca.revoke(a.identity().serial(), RevocationReason.SUPERSEDED).revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        ca.revoke("gw-b", RevocationReason.CESSATION_OF_OPERATION);
        assertThat(ca.currentCrl().getRevokedCertificates()).hasSize(2);
        assertThat(CityCa.open(ca.directory()).list()).extracting(r -> r.status(ca.now())).containsOnly(Status.REVOKED);
        assertThatThrownBy(() -> ca.revoke(java.math.BigInteger.TEN, RevocationReason.UNSPECIFIED)).hasMessageContaining("no certificate with serial a");
        assertThatThrownBy(() -> ca.revoke("gw-z", RevocationReason.UNSPECIFIED)).hasMessageContaining("no certificate that is valid");
        long before = crlNumber(ca.currentCrl());
        assertThat(crlNumber(ca.issueCrl())).isEqualTo(before + 1);
        assertThat(crlNumber(ca.currentCrl())).isEqualTo(before + 1);
    }

    @Test
    void theCaIssuesWithItsRootKeyOffline() throws Exception {
        Files.move(ca.directory().resolve("root/key.pem"), temp.resolve("usb-stick-root-key.pem"));
        CityCa reopened = CityCa.open(ca.directory());
        assertThat(reopened.rootKeyOnline()).isFalse();
        assertThat(reopened.enrolGateway(temp.resolve("gw-1"), "gw-1", "post-3").id()).isEqualTo("gw-1");
    }

    @Test
    void aHolderInstallsOnlyWhatFitsItsKeyAndCaAndOnlyNewerCrls() throws Exception {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        ca.enrolGateway(a, "gw-a", "post-3");
        ca.enrolGateway(b, "gw-b", "post-3");
        List<X509Certificate> chainOfB = PemFiles.readCertificates(b.resolve("cert.pem"));
        assertThatThrownBy(() -> IdentityFiles.in(a).install(chainOfB, List.of(ca.rootCertificate()), null))
                .hasMessageContaining("does not belong to").hasMessageContaining("another request");

        CityCa other = CityCa.create(temp.resolve("other-ca"));
        assertThatThrownBy(() -> IdentityFiles.in(a).install(PemFiles.readCertificates(a.resolve("cert.pem")), List.of(other.rootCertificate()), null))
                .hasMessageContaining("not issued under a trusted CA");
        assertThatThrownBy(() -> IdentityFiles.in(a).installCrl(other.currentCrl())).hasMessageContaining("signed by none of this holder's CA");

        X509CRL old = ca.currentCrl();
        ca.issueCrl();
        assertThat(ca.publishCrl(a)).isTrue();
        assertThat(IdentityFiles.in(a).installCrl(old)).isFalse();
        assertThat(PemFiles.readCrl(a.resolve("crl.pem"))).isEqualTo(ca.currentCrl());
    }

    private static CertificateRequest request(IdentityName name) throws Exception {
        return CertificateRequest.parse(CertificateRequest.create(name, KeyFiles.generate()).toPem());
    }

    private static List<String> names(X509Certificate certificate) throws Exception {
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        return alternatives.stream().map(n -> String.valueOf(n.get(1))).toList();
    }

    private static long crlNumber(X509CRL crl) throws Exception {
        byte[] value = crl.getExtensionValue("2.5.29.20");
        return org.bouncycastle.asn1.x509.CRLNumber.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets())
                .getCRLNumber().longValueExact();
    }
}
