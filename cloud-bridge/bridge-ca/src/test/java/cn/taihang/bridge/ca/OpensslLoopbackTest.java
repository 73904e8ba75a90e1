package cn.taihang.bridge.ca;

import static cn.taihang.bridge.ca.testing.TestPki.clientTls;
import static cn.taihang.bridge.ca.testing.TestPki.serverTls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.identity.CertificateRequest;
import cn.taihang.identity.Identity;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.Kind;
import cn.taihang.identity.PemFiles;
import cn.taihang.identity.TlsContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated PEM files interoperate with OpenSSL (the TLS library of mosquitto): s_client and s_server against JDK peers. */
@Tag("loopback")
class OpensslLoopbackTest {

    @RegisterExtension
    static final TestPki PKI = new TestPki();
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)");

    @BeforeAll
    static void needsOpenssl() {
        assertTrue(OpensslProcess.installed(), "needs Debian's openssl (apt-get install openssl); run ./taihang tools --install (./taihang test does it first)");
    }

    @Test
    void opensslClientWithAGatewaysFilesIsLetInAndVerifiesTheBridge() throws Exception {
        Path gateway = PKI.gateway("gw-ossl", "post-3");
        TlsContext server = serverTls(PKI.bridge("bridge-o"), Kind.GATEWAY);
        try (SSLServerSocket listener = server.newServerSocket(InetAddress.getLoopbackAddress(), 0)) {
            CompletableFuture<Identity> serving = CompletableFuture.supplyAsync(() -> answerOneLine(server, listener));
            try (OpensslProcess client = OpensslProcess.start("s_client", "-connect", "127.0.0.1:" + listener.getLocalPort(),
                    "-cert", gateway.resolve("cert.pem").toString(), "-key", gateway.resolve("key.pem").toString(),
                    "-CAfile", gateway.resolve("ca.pem").toString(), "-CRL", gateway.resolve("crl.pem").toString(), "-crl_check",
                    "-verify_return_error", "-verify_ip", "127.0.0.1", "-ign_eof", "-brief")) {
                client.send("ping\n");
                assertThat(client.exitCode()).as(client.output()).isZero();
                assertThat(client.output()).contains("Verification: OK").contains("TLSv1.3").contains("pong gw-ossl");
            }
            assertThat(serving.get(30, TimeUnit.SECONDS).name()).isEqualTo(IdentityName.gateway("gw-ossl", "post-3"));
        }
    }

    @Test
    void opensslServerWithABridgesFilesTakesAJdkGatewayAndRefusesARevokedOne() throws Exception {
        Path bridge = PKI.bridge("bridge-s");
        Path chain = bridge.resolve("chain.pem");
        PemFiles.write(chain, PemFiles.toPem(PKI.ca().issuingCertificate()));
        TlsContext gateway = clientTls(PKI.gateway("gw-j", "post-3"), Kind.BRIDGE);
        try (OpensslProcess server = opensslServer(bridge, chain)) {
            try (SSLSocket socket = (SSLSocket) gateway.socketFactory().createSocket("127.0.0.1", port(server))) {
                assertThat(exchange(socket, "hello")).isEqualTo("olleh");
                assertThat(gateway.peerIdentity(socket.getSession()).name()).isEqualTo(IdentityName.bridge("bridge-s"));
            }
        }

        TlsContext revoked = clientTls(PKI.revokedGateway("gw-lost", "post-3"), Kind.BRIDGE);
        PKI.publishCrl(bridge);
        try (OpensslProcess server = opensslServer(bridge, chain)) {
            try (SSLSocket socket = (SSLSocket) revoked.socketFactory().createSocket("127.0.0.1", port(server))) {
                assertThatThrownBy(() -> exchange(socket, "hello")).isInstanceOf(SSLException.class).hasMessageContaining("certificate_revoked");
            }
            assertThat(server.awaitOutput("certificate revoked")).contains("certificate revoked");
        }
    }

    @Test
    void aKeyAndRequestMadeByOpensslOnTheGatewayAreCertifiedAndWork() throws Exception {
        Path dir = PKI.directory().resolve("openssl-made");
        Files.createDirectories(dir);
        OpensslProcess request = OpensslProcess.run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("csr.pem").toString(), "-subj", "/CN=gw-pi",
                "-addext", "subjectAltName=URI:urn:taihang:gateway:post-3:gw-pi");
        assertThat(request.exitCode()).as(request.output()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem")))).isEqualTo("rw-------");

        CertificateRequest csr = CertificateRequest.read(dir.resolve("csr.pem"));
        assertThatThrownBy(() -> PKI.ca().enrolGateway(csr, "gw-other", "post-3")).hasMessageContaining("does not name gateway gw-other");
        var issued = PKI.ca().enrolGateway(csr, "gw-pi", "post-3");
        Identity installed = IdentityFiles.in(dir).install(issued.chain(), List.of(PKI.ca().rootCertificate()), PKI.ca().currentCrl());
        assertThat(installed.name()).isEqualTo(IdentityName.gateway("gw-pi", "post-3"));

        OpensslProcess verify = OpensslProcess.run("verify", "-CAfile", dir.resolve("ca.pem").toString(), "-untrusted",
                dir.resolve("cert.pem").toString(), "-crl_check", "-CRLfile", dir.resolve("crl.pem").toString(), "-purpose", "sslclient",
                dir.resolve("cert.pem").toString());
        assertThat(verify.output()).contains(": OK");
        Handshake handshake = Handshake.run(serverTls(PKI.bridge("bridge-p"), Kind.GATEWAY), clientTls(dir, Kind.BRIDGE));
        assertThat(handshake.serverSaw().id()).isEqualTo("gw-pi");
    }

    private static OpensslProcess opensslServer(Path bridge, Path chain) throws IOException {
        OpensslProcess server = OpensslProcess.start("s_server", "-accept", "127.0.0.1:0", "-naccept", "1", "-rev",
                "-cert", bridge.resolve("cert.pem").toString(), "-key", bridge.resolve("key.pem").toString(), "-cert_chain", chain.toString(),
                "-CAfile", bridge.resolve("ca.pem").toString(), "-Verify", "2", "-verify_return_error",
                "-CRL", bridge.resolve("crl.pem").toString(), "-crl_check");
        server.awaitOutput("ACCEPT");
        return server;
    }

    private static int port(OpensslProcess server) {
        Matcher matcher = ACCEPT.matcher(server.output());
        assertThat(matcher.find()).as("s_server listens: " + server.output()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String exchange(SSLSocket socket, String line) throws IOException {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static Identity answerOneLine(TlsContext server, SSLServerSocket listener) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            Identity peer = server.peerIdentity(socket.getSession());
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            socket.getOutputStream().write((("ping".equals(line) ? "pong " : "what? ") + peer.id() + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return peer;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
