package cn.taihang.bridge.broker.security;

import cn.taihang.bridge.security.SecurityEvents;
import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.Identity;
import cn.taihang.identity.Kind;
import cn.taihang.identity.TlsContext;
import io.moquette.broker.security.IAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a CONNECT in only as the identity of its connection's certificate: the CONNECT must be the first packet its TLS
 * connection decrypted (see {@link ConnectHandoff}), its client id and user name the certificate's id, its session
 * clean (nothing queues in the broker for absent clients), and its will one the identity may publish (a gateway: its
 * own death, not retained). The certificate is checked again here, against the CRL of this moment. Every refusal is a
 * security event.
 */
final class CertificateAuthenticator implements IAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateAuthenticator.class);

    private final TlsContext tls;
    private final ConnectHandoff handoff;
    private final ConnectedClients clients;
    private final BrokerAcl acl;
    private final SecurityEvents events;

    CertificateAuthenticator(TlsContext tls, ConnectHandoff handoff, ConnectedClients clients, BrokerAcl acl, SecurityEvents events) {
        this.tls = tls;
        this.handoff = handoff;
        this.clients = clients;
        this.acl = acl;
        this.events = events;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        IdentifiedEngine engine = handoff.current();
        FirstPacket.Connect connect = engine == null ? null : engine.claim();
        String claimed = username == null ? String.valueOf(clientId) : username;
        if (connect == null || !connect.sameCredentials(clientId, username, password)) {
            return refuse(claimed, "NOT_BOUND", "a CONNECT (client id '" + clientId + "') that is not the first packet of its TLS "
                    + "connection: a second CONNECT, or an attempt to borrow another connection's identity");
        }
        Identity who;
        try {
            who = tls.peerIdentity(engine.getSession());
        } catch (CertificateRefusedException e) {
            return refuse(claimed, e.reason().name(), e.getMessage());
        }
        if (!who.id().equals(username) || !who.id().equals(clientId)) {
            return refuse(who.id(), "OTHER_IDENTITY", "the certificate names " + who + " but the CONNECT claims user name '" + username
                    + "' and client id '" + clientId + "'; both must be the certificate's id");
        }
        if (!connect.cleanSession()) {
            return refuse(who.id(), "PERSISTENT_SESSION", "asked for a persistent session; only clean sessions are taken, so that "
                    + "nothing queues in the broker for a client that is away");
        }
        if (connect.willTopic() != null && (!acl.mayPublish(who, connect.willTopic()) || (connect.willRetain() && who.kind() != Kind.BRIDGE))) {
            return refuse(who.id(), "WILL_DENIED", "its will on " + connect.willTopic() + (connect.willRetain() ? " (retained)" : "")
                    + " is not a topic it may publish");
        }
        clients.bind(clientId, who, engine);
        LOG.debug("MQTT client {} let in as {}", clientId, who);
        return true;
    }

    private boolean refuse(String subject, String reason, String detail) {
        events.record(SecurityEvents.CONNECT, subject, reason, detail);
        return false;
    }
}
