package cn.taihang.bridge.broker.security;

import cn.taihang.bridge.security.SecurityEvents;
import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.TlsContext;
import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import java.security.cert.X509CRL;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLException;

/**
 * The embedded broker's security, handed to Moquette 0.17: its TLS listener's engines (the bridge identity's server
 * context, client certificates required), an authenticator that binds each CONNECT to its connection's certificate,
 * and an authorizer enforcing the {@link BrokerAcl} on that identity. {@link #recheck} cuts off connections whose
 * certificate was revoked (or expired) since they connected. Thread-safe.
 */
public final class BrokerSecurity {

    private final TlsContext tls;
    private final ConnectHandoff handoff = new ConnectHandoff();
    private final ConnectedClients clients = new ConnectedClients();
    private final CertificateAuthenticator authenticator;
    private final AclAuthorizer authorizer;
    private final SecurityEvents events;
    private X509CRL checkedCrl;

    /**
     * @param tls the bridge identity's server context, accepting gateways and bridges as clients
     * @param acl who may do what
     * @param events where refusals go
     * @throws IllegalArgumentException if {@code tls} is a client context or does not require client certificates
     */
    public BrokerSecurity(TlsContext tls, BrokerAcl acl, SecurityEvents events) {
        if (!tls.isServer() || tls.clientAuth() != cn.taihang.identity.ClientAuth.REQUIRED) {
            throw new IllegalArgumentException("the broker needs a server TLS context that requires client certificates");
        }
        this.tls = tls;
        this.events = events;
        this.authenticator = new CertificateAuthenticator(tls, handoff, clients, acl, events);
        this.authorizer = new AclAuthorizer(clients, acl, events);
        this.checkedCrl = tls.currentCrl().orElse(null);
    }

    /** @return what Moquette makes its TLS engines with */
    public ISslContextCreator sslContextCreator() {
        IdentitySslContext context = new IdentitySslContext(tls, handoff, this::handshakeFailed);
        return () -> context;
    }

    /** A refused certificate is an event already (the TLS context's refusal listener); anything else becomes one here. */
    private void handshakeFailed(SSLException failure) {
        if (CertificateRefusedException.in(failure).isEmpty()) {
            String reason = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("certificate")
                    ? CertificateRefusedException.Reason.NO_CERTIFICATE.name() : "HANDSHAKE_FAILED";
            events.record(SecurityEvents.TLS, "tls-client", reason, "TLS handshake refused: " + failure.getMessage());
        }
    }

    /** @return Moquette's authenticator */
    public IAuthenticator authenticator() {
        return authenticator;
    }

    /** @return Moquette's authorizer */
    public IAuthorizatorPolicy authorizer() {
        return authorizer;
    }

    /** @return the broker's own identity's context */
    public TlsContext tls() {
        return tls;
    }

    /** @return connections let in and still open */
    public int connectedClients() {
        return clients.size();
    }

    /**
     * Checks every open connection's certificate again if the CRL changed since the last call (or always, with
     * {@code force}, e.g. hourly for certificates that expired while connected); a refused one is cut off, recorded as a
     * security event and handed to {@code disconnect} (its client id) so the broker closes its session at once.
     *
     * @return whether a check ran
     */
    public synchronized boolean recheck(boolean force, java.util.function.Consumer<String> disconnect) {
        X509CRL now = tls.currentCrl().orElse(null);
        if (!force && now == checkedCrl) {
            return false;
        }
        checkedCrl = now;
        BiConsumer<String, CertificateRefusedException> refused = (clientId, e) -> {
            events.record(SecurityEvents.DROPPED, clientId, e.reason().name(), "connected client cut off: " + e.getMessage());
            disconnect.accept(clientId);
        };
        clients.recheck(tls, refused);
        return true;
    }
}
