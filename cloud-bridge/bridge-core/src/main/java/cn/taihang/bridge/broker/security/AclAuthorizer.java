package cn.taihang.bridge.broker.security;

import cn.taihang.bridge.security.SecurityEvents;
import cn.taihang.identity.Identity;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/** The {@link BrokerAcl} for Moquette, on the identity each client id was let in as; every refusal is a security event. */
final class AclAuthorizer implements IAuthorizatorPolicy {

    private final ConnectedClients clients;
    private final BrokerAcl acl;
    private final SecurityEvents events;

    AclAuthorizer(ConnectedClients clients, BrokerAcl acl, SecurityEvents events) {
        this.clients = clients;
        this.acl = acl;
        this.events = events;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        Identity who = clients.identity(client, user);
        if (who == null) {
            return unbound(client);
        }
        if (acl.mayPublish(who, topic.toString())) {
            return true;
        }
        events.record(SecurityEvents.ACL, who.id(), "PUBLISH_DENIED", who + " may not publish on " + topic + "; dropped, not acknowledged");
        return false;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        Identity who = clients.identity(client, user);
        if (who == null) {
            return unbound(client);
        }
        if (acl.maySubscribe(who, topic.toString())) {
            return true;
        }
        events.record(SecurityEvents.ACL, who.id(), "SUBSCRIBE_DENIED", who + " may not subscribe to " + topic + "; refused (SUBACK 0x80)");
        return false;
    }

    private boolean unbound(String client) {
        events.record(SecurityEvents.ACL, String.valueOf(client), "NOT_BOUND", "a client id with no connection let in (or one cut off)");
        return false;
    }
}
