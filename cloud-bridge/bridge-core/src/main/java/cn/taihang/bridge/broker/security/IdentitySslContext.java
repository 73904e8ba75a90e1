package cn.taihang.bridge.broker.security;

import cn.taihang.identity.TlsContext;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

/**
 * What Moquette's TLS listener makes its engines with: the bridge identity's server {@link TlsContext} (client
 * certificates required, PKIX against the local CRL, TLS 1.3/1.2, AEAD suites), each engine wrapped in an
 * {@link IdentifiedEngine} so the authenticator can tell whose CONNECT it checks.
 */
final class IdentitySslContext extends SslContext {

    private static final ApplicationProtocolNegotiator NO_ALPN = List::of;

    private final TlsContext tls;
    private final ConnectHandoff handoff;
    private final Consumer<SSLException> handshakeFailures;

    IdentitySslContext(TlsContext tls, ConnectHandoff handoff, Consumer<SSLException> handshakeFailures) {
        this.tls = tls;
        this.handoff = handoff;
        this.handshakeFailures = handshakeFailures;
    }

    @Override
    public boolean isClient() {
        return false;
    }

    @Override
    public List<String> cipherSuites() {
        return tls.cipherSuites();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
        return NO_ALPN;
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc) {
        return new IdentifiedEngine(tls.newEngine(null, -1), handoff, handshakeFailures);
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        return newEngine(alloc);
    }

    @Override
    public SSLSessionContext sessionContext() {
        return tls.sslContext().getServerSessionContext();
    }
}
