package cn.taihang.identity;

import cn.taihang.identity.CertificateRefusedException.Reason;
import cn.taihang.identity.internal.ConfiguredSocketFactory;
import cn.taihang.identity.internal.CrlWatch;
import cn.taihang.identity.internal.IdentityKeyManager;
import cn.taihang.identity.internal.IdentityTrustManager;
import cn.taihang.identity.internal.ManagerFactories;
import cn.taihang.identity.internal.PathValidator;
import cn.taihang.identity.internal.RefusalSink;
import cn.taihang.identity.internal.TlsUsage;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A holder's TLS setup, for one end of its connections: its key and certificate chain, the trusted CA(s), the
 * local CRL (re-read when the file changes) and the kinds of identity it accepts as peers. TLS 1.3 and 1.2 only
 * (1.3 preferred), AEAD cipher suites only; peers are checked by PKIX against the local CRL (never a network fetch)
 * and then by the naming convention, with refusals logged once per certificate and reason, handed to the
 * {@linkplain Builder#onRefusal listener} and thrown as {@link CertificateRefusedException} (the cause of the
 * failed handshake). Clients also check the server's host name (its SAN DNS/IP entries).
 *
 * <pre>{@code
 * TlsContext uplink = TlsContext.client(IdentityFiles.in(dir)).accept(Kind.BRIDGE, Kind.BROKER).build();
 * mqttOptions.setSocketFactory(uplink.socketFactory());
 *
 * TlsContext broker = TlsContext.server(IdentityFiles.in(dir)).accept(Kind.GATEWAY, Kind.BRIDGE).build();
 * // Netty: SslContextBuilder.forServer(broker.keyManagerFactory()).trustManager(broker.trustManagerFactory())
 * //        .protocols(broker.protocols()).ciphers(broker.cipherSuites()).clientAuth(REQUIRE)
 * Identity who = broker.peerIdentity(sslSession);   // after the handshake, for authorisation
 * }</pre>
 *
 * A context is a snapshot of the key and certificate: after installing a renewed certificate, build a new one.
 * Instances are thread-safe.
 */
public final class TlsContext {

    private static final Logger LOG = LoggerFactory.getLogger(TlsContext.class);
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final List<String> CIPHER_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final Duration RENEW_WARNING = Duration.ofDays(30);

    private final boolean server;
    private final ClientAuth clientAuth;
    private final Set<Kind> accepted;
    private final Identity identity;
    private final SSLContext sslContext;
    private final SSLParameters parameters;
    private final IdentityTrustManager trustManager;
    private final KeyManagerFactory keyManagerFactory;
    private final TrustManagerFactory trustManagerFactory;
    private final CrlWatch crl;

    private TlsContext(Builder builder) throws IOException, GeneralSecurityException {
        this.server = builder.server;
        this.clientAuth = server ? builder.clientAuth : ClientAuth.REQUIRED;
        this.accepted = builder.accepted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(builder.accepted));
        if (accepted.isEmpty() && !(server && clientAuth == ClientAuth.NONE)) {
            throw new IllegalStateException("say which kinds of " + (server ? "client" : "server") + " to accept: accept(Kind...)");
        }
        IdentityFiles.Material material = builder.files.load();
        this.identity = material.identity();
        this.crl = material.crl();
        TlsUsage own = server ? TlsUsage.SERVER : TlsUsage.CLIENT;
        X509Certificate leaf = material.chain().get(0);
        var problem = own.problemWith(leaf);
        if (problem.isPresent()) {
            throw new GeneralSecurityException("the certificate of " + identity + " cannot be used by a TLS "
                    + (server ? "server" : "client") + ": " + problem.get());
        }
        X509Certificate[] chain = material.chain().toArray(X509Certificate[]::new);
        PathValidator validator = new PathValidator(material.anchors(), material.chain().subList(1, chain.length));
        checkOwnChain(validator, chain, material);
        String role = "TLS " + (server ? "server" : "client") + " of " + identity.name();
        this.trustManager = new IdentityTrustManager(validator, material.crl(), accepted, server ? TlsUsage.CLIENT : TlsUsage.SERVER,
                new RefusalSink(role, builder.listener));
        IdentityKeyManager keyManager = new IdentityKeyManager(material.key(), chain);
        this.sslContext = SSLContext.getInstance("TLS");
        sslContext.init(new javax.net.ssl.KeyManager[] {keyManager}, new javax.net.ssl.TrustManager[] {trustManager}, new SecureRandom());
        this.keyManagerFactory = ManagerFactories.of(keyManager);
        this.trustManagerFactory = ManagerFactories.of(trustManager);
        this.parameters = parameters(sslContext);
        if (material.crl() == null) {
            LOG.warn("{}: no CRL at {}: revoked peer certificates are not recognised", role, builder.files.crl().map(Object::toString).orElse("(none configured)"));
        }
        LOG.info("{} ready: certificate serial {} valid until {}, accepts {}, protocols {}", role, identity.serialHex(),
                identity.notAfter(), accepted, PROTOCOLS);
    }

    /** @return a builder of the client end (a gateway's or the bridge's MQTT client) */
    public static Builder client(IdentityFiles files) {
        return new Builder(files, false);
    }

    /** @return a builder of the server end (the embedded broker, the HTTPS API); clients are required by default */
    public static Builder server(IdentityFiles files) {
        return new Builder(files, true);
    }

    /** Settings of a {@link TlsContext}. */
    public static final class Builder {
        private final IdentityFiles files;
        private final boolean server;
        private final Set<Kind> accepted = EnumSet.noneOf(Kind.class);
        private ClientAuth clientAuth = ClientAuth.REQUIRED;
        private Consumer<CertificateRefusedException> listener;

        private Builder(IdentityFiles files, boolean server) {
            this.files = Objects.requireNonNull(files, "files");
            this.server = server;
        }

        /** Adds kinds of identity accepted as peers (clients of a server, servers of a client); at least one is needed. */
        public Builder accept(Kind... kinds) {
            accepted.addAll(Arrays.asList(kinds));
            return this;
        }

        /**
         * @param auth whether clients must, may or need not present a certificate (default {@link ClientAuth#REQUIRED})
         * @throws IllegalStateException on a client builder
         */
        public Builder clientAuth(ClientAuth auth) {
            if (!server) {
                throw new IllegalStateException("client authentication is a server setting");
            }
            this.clientAuth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /** @param refusals told of every refused peer certificate (after it is logged), e.g. to count and raise alarms */
        public Builder onRefusal(Consumer<CertificateRefusedException> refusals) {
            this.listener = refusals;
            return this;
        }

        /**
         * Reads and cross-checks the files and makes the context.
         *
         * @throws java.nio.file.NoSuchFileException if the holder is not enrolled (the message says how to enrol)
         * @throws IOException if a file cannot be read, or the key file is readable by every user
         * @throws GeneralSecurityException if the files do not fit: the certificate is not for the key, not for this
         *     end of a connection, or not named by the convention (an expired certificate, or one not issued under
         *     {@code ca.pem}, is logged as a warning: the peer refuses it, with its reason)
         * @throws IllegalStateException if no accepted peer kind was given
         */
        public TlsContext build() throws IOException, GeneralSecurityException {
            return new TlsContext(this);
        }
    }

    /** @return the holder's own identity */
    public Identity identity() {
        return identity;
    }

    /** @return whether this is the server end */
    public boolean isServer() {
        return server;
    }

    /** @return whether clients must present a certificate; {@link ClientAuth#REQUIRED} for a client context */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** @return the kinds of identity accepted as peers */
    public Set<Kind> acceptedPeers() {
        return accepted;
    }

    /** @return the SSL context; apply {@link #sslParameters()} to what it makes, or use the factories below */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** @return a copy of the parameters: protocols, cipher suites, client authentication (server) or host name check (client) */
    public SSLParameters sslParameters() {
        SSLParameters copy = new SSLParameters(parameters.getCipherSuites(), parameters.getProtocols());
        copy.setNeedClientAuth(parameters.getNeedClientAuth());
        if (parameters.getWantClientAuth()) {
            copy.setWantClientAuth(true);
        }
        copy.setEndpointIdentificationAlgorithm(parameters.getEndpointIdentificationAlgorithm());
        copy.setUseCipherSuitesOrder(parameters.getUseCipherSuitesOrder());
        return copy;
    }

    /** @return the enabled protocols, most preferred first */
    public List<String> protocols() {
        return List.of(parameters.getProtocols());
    }

    /** @return the enabled cipher suites, most preferred first */
    public List<String> cipherSuites() {
        return List.of(parameters.getCipherSuites());
    }

    /** @return a factory handing out this holder's key manager (Vert.x {@code KeyManagerFactoryOptions}, Netty) */
    public KeyManagerFactory keyManagerFactory() {
        return keyManagerFactory;
    }

    /** @return a factory handing out this holder's trust manager (Vert.x {@code TrustManagerFactoryOptions}, Netty) */
    public TrustManagerFactory trustManagerFactory() {
        return trustManagerFactory;
    }

    /**
     * @return a socket factory whose sockets carry {@link #sslParameters()} (for Paho and plain sockets)
     * @throws IllegalStateException on a server context
     */
    public SSLSocketFactory socketFactory() {
        if (server) {
            throw new IllegalStateException("a server context has no client socket factory; build a client context");
        }
        return new ConfiguredSocketFactory(sslContext.getSocketFactory(), sslParameters());
    }

    /**
     * @param address the address to bind, e.g. {@code InetAddress.getLoopbackAddress()}
     * @param port the port, 0 for a free one
     * @return a bound server socket whose accepted sockets carry {@link #sslParameters()}
     * @throws IllegalStateException on a client context
     */
    public SSLServerSocket newServerSocket(InetAddress address, int port) throws IOException {
        if (!server) {
            throw new IllegalStateException("a client context has no server socket; build a server context");
        }
        SSLServerSocket socket = (SSLServerSocket) sslContext.getServerSocketFactory().createServerSocket(port, 50, address);
        socket.setSSLParameters(sslParameters());
        return socket;
    }

    /**
     * @param peerHost the host dialled (clients: checked against the server's certificate); null on a server
     * @param peerPort the port dialled, or -1
     * @return an engine in this context's mode with {@link #sslParameters()} applied
     */
    public SSLEngine newEngine(String peerHost, int peerPort) {
        SSLEngine engine = peerHost == null ? sslContext.createSSLEngine() : sslContext.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(!server);
        engine.setSSLParameters(sslParameters());
        return engine;
    }

    /**
     * The CRL in force now: the holder's {@code crl.pem}, re-read first if the file changed (one {@code stat}). A
     * handshake checks revocation once; whoever keeps connections open polls this and, when it changes, checks each
     * connection again with {@link #peerIdentity} (and closes the refused ones).
     *
     * @return the current CRL; empty if the holder had no CRL file when this context was built
     */
    public Optional<X509CRL> currentCrl() {
        return crl == null ? Optional.empty() : Optional.of(crl.current());
    }

    /**
     * The identity of the peer of an established connection, checked again now: still valid, not in the current CRL,
     * of an accepted kind. Call it for every connection (a resumed TLS session skips the certificate checks of the
     * handshake) and use its answer, never a name the peer claims in a topic or payload.
     *
     * @throws CertificateRefusedException {@link Reason#NO_CERTIFICATE} if the peer presented none, or the reason
     *     it is not (any longer) acceptable
     */
    public Identity peerIdentity(SSLSession session) throws CertificateRefusedException {
        try {
            return peerIdentity(Arrays.asList(session.getPeerCertificates()));
        } catch (SSLPeerUnverifiedException e) {
            return peerIdentity(List.of());
        }
    }

    /**
     * As {@link #peerIdentity(SSLSession)}, for a peer's certificate chain as a library hands it out (e.g. Vert.x
     * {@code HttpConnection.peerCertificates()}).
     *
     * @param chain the peer's certificate first; may be empty
     */
    public Identity peerIdentity(List<? extends Certificate> chain) throws CertificateRefusedException {
        if (chain.isEmpty() || !chain.stream().allMatch(X509Certificate.class::isInstance)) {
            return trustManager.check(new X509Certificate[0]);
        }
        return trustManager.check(chain.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new));
    }

    /**
     * Warns about an own certificate peers will refuse (expired, revoked, not under {@code ca.pem}: e.g. during a
     * move to a new root, when the holder trusts the new root before its certificate is re-issued), without failing.
     */
    private void checkOwnChain(PathValidator validator, X509Certificate[] chain, IdentityFiles.Material material) {
        try {
            validator.validate(chain, material.crl() == null ? null : material.crl().current(),
                    material.crl() == null ? "" : material.crl().file().toString());
        } catch (CertificateRefusedException e) {
            LOG.warn("own certificate: {} — peers will refuse it", e.getMessage());
            return;
        }
        Duration left = Duration.between(Instant.now(), identity.notAfter());
        if (left.compareTo(RENEW_WARNING) < 0) {
            LOG.warn("the certificate of {} expires in {} days ({}): renew it (pki renew)", identity, left.toDays(), identity.notAfter());
        }
    }

    private SSLParameters parameters(SSLContext context) {
        SSLParameters supported = context.getSupportedSSLParameters();
        List<String> protocols = PROTOCOLS.stream().filter(Arrays.asList(supported.getProtocols())::contains).toList();
        List<String> suites = CIPHER_SUITES.stream().filter(Arrays.asList(supported.getCipherSuites())::contains).toList();
        SSLParameters made = new SSLParameters(suites.toArray(String[]::new), protocols.toArray(String[]::new));
        made.setUseCipherSuitesOrder(true);
        if (server) {
            if (clientAuth == ClientAuth.REQUIRED) {
                made.setNeedClientAuth(true);
            } else if (clientAuth == ClientAuth.OPTIONAL) {
                made.setWantClientAuth(true);
            }
        } else {
            made.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return made;
    }
}
