package cn.taihang.bridge.ca;

import static cn.taihang.bridge.ca.testing.TestPki.clientTls;
import static cn.taihang.bridge.ca.testing.TestPki.serverTls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.CertificateRefusedException.Reason;
import cn.taihang.identity.ClientAuth;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.Kind;
import cn.taihang.identity.PemFiles;
import cn.taihang.identity.TlsContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Mutual TLS between JDK sockets on 127.0.0.1 with identities from the real CA: who is let in, and why not. */
@Tag("loopback")
class TlsLoopbackTest {

    @RegisterExtension
    static final TestPki PKI = new TestPki();

    static Path bridge;

    @BeforeAll
    static void enrolTheServer() {
        bridge = PKI.bridge("bridge-1");
    }

    @Test
    void aValidGatewayIsLetInAndEachSideKnowsWhoTheOtherIs() throws Exception {
        TlsContext server = serverTls(bridge, Kind.GATEWAY);
        Path gateway = PKI.gateway("gw-1", "post-3");
        TlsContext client = clientTls(gateway, Kind.BRIDGE);
        Handshake handshake = Handshake.run(server, client);
        assertThat(handshake.serverFailure()).isNull();
        assertThat(handshake.serverSaw().name()).isEqualTo(IdentityName.gateway("gw-1", "post-3"));
        assertThat(handshake.clientRead()).isEqualTo("hello gw-1");
        assertThat(handshake.protocol()).isEqualTo("TLSv1.3");
        assertThat(client.identity().name()).isEqualTo(IdentityName.gateway("gw-1", "post-3"));
        assertThat(server.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(server.peerIdentity(PemFiles.readCertificates(gateway.resolve("cert.pem")))).isEqualTo(handshake.serverSaw());
        SSLEngine engine = server.newEngine(null, -1);
        assertThat(engine.getUseClientMode()).isFalse();
        assertThat(engine.getNeedClientAuth()).isTrue();
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(client.newEngine("127.0.0.1", 8883).getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void tls12IsAcceptedAndOlderProtocolsAreNot() throws Exception {
        TlsContext server = serverTls(bridge, Kind.GATEWAY);
        TlsContext client = clientTls(PKI.gateway("gw-12", "post-3"), Kind.BRIDGE);
        Handshake tls12 = Handshake.run(server, client.socketFactory(), "127.0.0.1", only("TLSv1.2"));
        assertThat(tls12.serverSaw().id()).isEqualTo("gw-12");
        assertThat(tls12.protocol()).isEqualTo("TLSv1.2");
        assertThat(tls12.clientRead()).isEqualTo("hello gw-12");

        SSLContext old = SSLContext.getInstance("TLS");
        old.init(null, client.trustManagerFactory().getTrustManagers(), null);
        Handshake tls11 = Handshake.run(server, old.getSocketFactory(), "127.0.0.1", only("TLSv1.1"));
        assertThat(tls11.serverSaw()).isNull();
        assertThat(tls11.clientFailure()).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void refusesExpiredNotYetValidForeignWrongKindAndWrongUsageWithTheReason() throws Exception {
        assertRefused(PKI.expiredGateway("gw-old", "post-3"), Kind.GATEWAY, Reason.EXPIRED, "expired at");
        assertRefused(PKI.notYetValidGateway("gw-early", "post-3"), Kind.GATEWAY, Reason.NOT_YET_VALID, "not valid before");
        assertRefused(PKI.foreignGateway("gw-intruder", "post-3"), Kind.GATEWAY, Reason.UNTRUSTED, "not issued under a trusted CA");
        assertRefused(PKI.gateway("gw-2", "post-3"), Kind.BRIDGE, Reason.WRONG_KIND, "certificate of gateway gw-2 at site post-3");
        assertRefused(PKI.bridge("bridge-2"), Kind.GATEWAY, Reason.WRONG_KIND, "where gateway is required");
    }

    @Test
    void aServerOnlyCertificateIsNoClientCertificate() throws Exception {
        Path broker = PKI.broker("mqtt-1");
        assertThatThrownBy(() -> clientTls(broker, Kind.BRIDGE)).hasMessageContaining("cannot be used by a TLS client")
                .hasMessageContaining("clientAuth");
        // presented anyway, by a client built by hand
        TlsContext brokerServer = TlsContext.server(IdentityFiles.in(broker)).clientAuth(ClientAuth.NONE).build();
        SSLContext handMade = SSLContext.getInstance("TLS");
        handMade.init(brokerServer.keyManagerFactory().getKeyManagers(),
                clientTls(PKI.gateway("gw-7", "post-3"), Kind.BRIDGE).trustManagerFactory().getTrustManagers(), null);
        Handshake handshake = Handshake.run(serverTls(bridge, Kind.BROKER), handMade.getSocketFactory(), "127.0.0.1");
        assertThat(reason(handshake)).isEqualTo(Reason.WRONG_KEY_USAGE);
        assertThat(handshake.serverFailure()).hasMessageContaining("does not include clientAuth");
    }

    @Test
    void aClientWithoutCertificateIsRefusedOrAnonymousWhenOptional() throws Exception {
        TlsContext gateway = clientTls(PKI.gateway("gw-3", "post-3"), Kind.BRIDGE);
        SSLContext anonymous = SSLContext.getInstance("TLS");
        anonymous.init(null, gateway.trustManagerFactory().getTrustManagers(), null);

        Handshake required = Handshake.run(serverTls(bridge, Kind.GATEWAY), anonymous.getSocketFactory(), "127.0.0.1");
        assertThat(required.serverSaw()).isNull();
        assertThat(required.serverFailure()).isInstanceOf(SSLHandshakeException.class).hasMessageContaining("certificate");
        assertThat(required.clientRead()).isNull();

        TlsContext optional = TlsContext.server(IdentityFiles.in(bridge)).clientAuth(ClientAuth.OPTIONAL).accept(Kind.GATEWAY).build();
        Handshake anonymousAllowed = Handshake.run(optional, anonymous.getSocketFactory(), "127.0.0.1");
        assertThat(CertificateRefusedException.in(anonymousAllowed.serverFailure())).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.NO_CERTIFICATE));
    }

    @Test
    void aRevokedGatewayIsRefusedOnceTheServerHasTheNewCrlWithoutARestart() throws Exception {
        Path server = PKI.bridge("bridge-3");
        List<CertificateRefusedException> refusals = new CopyOnWriteArrayList<>();
        TlsContext tls = TlsContext.server(IdentityFiles.in(server)).accept(Kind.GATEWAY).onRefusal(refusals::add).build();
        Path gateway = PKI.gateway("gw-stolen", "post-3");
        TlsContext client = clientTls(gateway, Kind.BRIDGE);
        assertThat(Handshake.run(tls, client).serverSaw().id()).isEqualTo("gw-stolen");
        java.security.cert.X509CRL before = tls.currentCrl().orElseThrow();

        List<CertificateRecord> revoked = PKI.ca().revoke("gw-stolen", RevocationReason.KEY_COMPROMISE);
        assertThat(revoked).singleElement().satisfies(r -> assertThat(r.revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE));
        // the same client context would resume its session: the server must still refuse (peerIdentity re-checks)
        Handshake resumedBeforeTheCrl = Handshake.run(tls, client);
        assertThat(resumedBeforeTheCrl.serverSaw().id()).isEqualTo("gw-stolen");

        assertThat(tls.currentCrl()).as("not published to the server yet").containsSame(before);
        PKI.publishCrl(server);
        assertThat(tls.currentCrl().orElseThrow().isRevoked(PemFiles.readCertificates(IdentityFiles.in(gateway).certificate()).get(0)))
                .as("the context follows the new crl.pem").isTrue();
        Handshake resumed = Handshake.run(tls, client);
        assertThat(reason(resumed)).isEqualTo(Reason.REVOKED);
        Handshake fresh = Handshake.run(tls, clientTls(gateway, Kind.BRIDGE));
        assertThat(reason(fresh)).isEqualTo(Reason.REVOKED);
        assertThat(fresh.serverFailure()).hasMessageContaining("revoked by the CA").hasMessageContaining("KEY_COMPROMISE");
        assertThat(refusals).extracting(CertificateRefusedException::reason).containsOnly(Reason.REVOKED).hasSize(2);
    }

    @Test
    void aStaleCrlMakesRevocationUnknownAndSaysWhatToDo() throws Exception {
        Path server = PKI.bridge("bridge-4");
        PKI.staleCrl(server);
        Handshake handshake = Handshake.run(serverTls(server, Kind.GATEWAY), clientTls(PKI.gateway("gw-4", "post-3"), Kind.BRIDGE));
        assertThat(reason(handshake)).isEqualTo(Reason.REVOCATION_UNKNOWN);
        assertThat(handshake.serverFailure()).hasMessageContaining("no longer current").hasMessageContaining("pki crl");
    }

    @Test
    void theClientRefusesAServerOfTheWrongKindOrForAnotherHost() throws Exception {
        TlsContext server = serverTls(bridge, Kind.GATEWAY);
        Path gateway = PKI.gateway("gw-5", "post-3");

        Handshake wrongKind = Handshake.run(server, clientTls(gateway, Kind.BROKER));
        assertThat(CertificateRefusedException.in(wrongKind.clientFailure())).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.WRONG_KIND))
                .satisfies(r -> assertThat(r).hasMessageContaining("bridge bridge-1"));
        assertThat(wrongKind.serverSaw()).isNull();

        Handshake otherHost = Handshake.run(server, clientTls(gateway, Kind.BRIDGE).socketFactory(), "mqtt.example.org");
        assertThat(CertificateRefusedException.in(otherHost.clientFailure())).get()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.HOST_MISMATCH))
                .satisfies(r -> assertThat(r).hasMessageContaining("--dns"));
    }

    @Test
    void aGatewayCannotServeAndAContextNeedsToKnowWhomToAccept() {
        Path gateway = PKI.gateway("gw-6", "post-3");
        assertThatThrownBy(() -> serverTls(gateway, Kind.GATEWAY)).hasMessageContaining("cannot be used by a TLS server")
                .hasMessageContaining("serverAuth");
        assertThatThrownBy(() -> TlsContext.client(IdentityFiles.in(gateway)).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accept(Kind...)");
        assertThatThrownBy(() -> TlsContext.client(IdentityFiles.in(gateway)).clientAuth(ClientAuth.NONE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> clientTls(PKI.directory().resolve("nobody"), Kind.BRIDGE)).hasMessageContaining("not enrolled yet");
    }

    @Test
    void aCertificateRefusedAgainAndAgainIsLoggedOnceAndCountedEveryTime() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger("cn.taihang.identity.tls");
        log.start();
        logger.addAppender(log);
        List<CertificateRefusedException> refusals = new CopyOnWriteArrayList<>();
        try {
            TlsContext server = TlsContext.server(IdentityFiles.in(bridge)).accept(Kind.GATEWAY).onRefusal(refusals::add).build();
            TlsContext expired = clientTls(PKI.expiredGateway("gw-retry", "post-3"), Kind.BRIDGE);
            for (int i = 0; i < 3; i++) {
                assertThat(reason(Handshake.run(server, expired))).isEqualTo(Reason.EXPIRED);
            }
        } finally {
            logger.detachAppender(log);
        }
        assertThat(refusals).hasSize(3);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("gw-retry").contains("EXPIRED"));
    }

    private static void assertRefused(Path client, Kind accepted, Reason reason, String message) throws Exception {
        Handshake handshake = Handshake.run(serverTls(bridge, accepted), clientTls(client, Kind.BRIDGE));
        assertThat(handshake.serverSaw()).as("the server let it in").isNull();
        assertThat(reason(handshake)).isEqualTo(reason);
        assertThat(CertificateRefusedException.in(handshake.serverFailure()).orElseThrow()).hasMessageContaining(message);
        assertThat(handshake.clientRead()).as("the client got a greeting").isNull();
    }

    private static Consumer<SSLSocket> only(String protocol) {
        return socket -> socket.setEnabledProtocols(new String[] {protocol});
    }

    private static Reason reason(Handshake handshake) {
        return CertificateRefusedException.in(handshake.serverFailure())
                .orElseThrow(() -> new AssertionError("the server failed without a refusal", handshake.serverFailure())).reason();
    }
}
