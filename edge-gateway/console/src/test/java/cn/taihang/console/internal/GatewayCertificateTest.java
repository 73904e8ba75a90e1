package cn.taihang.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class GatewayCertificateTest {

    @TempDir
    Path dir;

    private static List<String> names(X509Certificate cert) throws Exception {
        return cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    }

    @Test
    void theCertificateIsMadeOnceForTheGatewayAndItsHosts() throws Exception {
        GatewayCertificate certificate = new GatewayCertificate(dir);
        String password = certificate.ensure("gw-zw-1", List.of("192.168.4.1", "gw-zw-1.lan"));
        X509Certificate cert = certificate.load(password);
        cert.checkValidity();
        cert.verify(cert.getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=gw-zw-1");
        assertThat(names(cert)).contains("192.168.4.1", "gw-zw-1.lan", "gw-zw-1", "localhost", "127.0.0.1");
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(GatewayCertificate.fingerprint(cert)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");

        assertThat(certificate.ensure("gw-zw-1", List.of("gw-zw-1.lan", "192.168.4.1"))).as("same names: kept").isEqualTo(password);
        assertThat(certificate.load(password)).isEqualTo(cert);
        String renewed = certificate.ensure("gw-zw-1", List.of("10.1.1.1"));
        assertThat(certificate.load(renewed)).isNotEqualTo(cert);
        assertThat(names(certificate.load(renewed))).contains("10.1.1.1");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("console.p12.password"))).hasSize(2);
        }
    }
}
