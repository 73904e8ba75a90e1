package cn.taihang.bridge.broker.security;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The embedded broker's TLS engine of one connection: the JDK engine made by the bridge identity's {@code TlsContext},
 * plus what binds the connection's MQTT CONNECT to its certificate. Every {@code unwrap} that decrypts bytes tells the
 * {@link ConnectHandoff} of its thread; the first packet's bytes are kept ({@link FirstPacket}) for the authenticator
 * to compare with the CONNECT it is asked about. After {@link #refuse} (certificate revoked while connected) it fails
 * every further read and write, so the connection dies even if the broker kept it.
 */
final class IdentifiedEngine extends SSLEngine {

    private final SSLEngine delegate;
    private final ConnectHandoff handoff;
    private final Consumer<SSLException> handshakeFailures;
    private final FirstPacket first = new FirstPacket();
    private boolean claimed;
    private boolean failed;
    private volatile String refusal;

    /**
     * @param delegate the JDK engine
     * @param handoff told of each decryption
     * @param handshakeFailures told once if the handshake fails (no certificate, a certificate refused, no common protocol)
     */
    IdentifiedEngine(SSLEngine delegate, ConnectHandoff handoff, Consumer<SSLException> handshakeFailures) {
        super(delegate.getPeerHost(), delegate.getPeerPort());
        this.delegate = delegate;
        this.handoff = handoff;
        this.handshakeFailures = handshakeFailures;
    }

    /**
     * The first packet, once: a second claim (a second CONNECT on the connection) gets null.
     *
     * @return the CONNECT if the first packet is a complete, well-formed one not claimed before; otherwise null
     */
    FirstPacket.Connect claim() {
        if (claimed || !first.complete()) {
            return null;
        }
        claimed = true;
        return first.connect();
    }

    /** Makes every further read and write fail with this reason. */
    void refuse(String reason) {
        refusal = reason;
    }

    /** @return whether the connection is over (closed, or refused) */
    boolean finished() {
        return refusal != null || delegate.isInboundDone() || delegate.isOutboundDone();
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        failIfRefused();
        int[] before = new int[length];
        for (int i = 0; i < length; i++) {
            before[i] = dsts[offset + i].position();
        }
        SSLEngineResult result;
        try {
            result = delegate.unwrap(src, dsts, offset, length);
        } catch (SSLException e) {
            throw handshakeFailed(e);
        }
        if (result.bytesProduced() > 0) {
            handoff.decrypted(this);
            for (int i = 0; i < length && !first.complete(); i++) {
                ByteBuffer produced = dsts[offset + i].duplicate();
                int end = produced.position();
                if (end > before[i]) {
                    byte[] copy = new byte[end - before[i]];
                    produced.position(before[i]).limit(end);
                    produced.get(copy);
                    first.take(copy, 0, copy.length);
                }
            }
        }
        return result;
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        failIfRefused();
        try {
            return delegate.wrap(srcs, offset, length, dst);
        } catch (SSLException e) {
            throw handshakeFailed(e);
        }
    }

    private SSLException handshakeFailed(SSLException e) {
        if (!failed && refusal == null) {
            failed = true;
            handshakeFailures.accept(e);
        }
        return e;
    }

    private void failIfRefused() throws SSLException {
        String why = refusal;
        if (why != null) {
            throw new SSLException("connection closed by the broker: " + why);
        }
    }

    @Override
    public Runnable getDelegatedTask() {
        return delegate.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
        delegate.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return delegate.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        delegate.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return delegate.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return delegate.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        delegate.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return delegate.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return delegate.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        delegate.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return delegate.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return delegate.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        failIfRefused();
        delegate.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return delegate.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        delegate.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return delegate.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        delegate.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return delegate.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        delegate.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return delegate.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        delegate.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return delegate.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return delegate.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        delegate.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return delegate.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return delegate.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        delegate.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return delegate.getHandshakeApplicationProtocolSelector();
    }
}
