package cn.taihang.bridge.broker.security;

import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.Identity;
import cn.taihang.identity.TlsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Who each MQTT client id belongs to: the identity its certificate named when its CONNECT was let in. Client id and
 * user name are the certificate's id, so the id a publish or subscription arrives with finds its identity. A newer
 * connection with the same id replaces the older binding (Moquette closes the older connection too). Thread-safe.
 */
final class ConnectedClients {

    /** One connection let in. */
    private record Binding(Identity identity, IdentifiedEngine engine) {}

    private final Map<String, Binding> byClientId = new ConcurrentHashMap<>();

    void bind(String clientId, Identity identity, IdentifiedEngine engine) {
        byClientId.put(clientId, new Binding(identity, engine));
    }

    /** @return the identity of that client if it is connected under that user name; null otherwise */
    Identity identity(String clientId, String username) {
        Binding binding = clientId == null ? null : byClientId.get(clientId);
        if (binding == null || binding.engine().finished() || !binding.identity().id().equals(username)) {
            return null;
        }
        return binding.identity();
    }

    /** @return how many connections are bound and not finished */
    int size() {
        return (int) byClientId.values().stream().filter(b -> !b.engine().finished()).count();
    }

    /**
     * Checks every connection's certificate again (after a new CRL, or as time passes): refused ones are cut off —
     * their engines fail from now on — and handed to {@code refused}. Finished connections are forgotten.
     */
    void recheck(TlsContext tls, BiConsumer<String, CertificateRefusedException> refused) {
        for (Map.Entry<String, Binding> entry : byClientId.entrySet()) {
            Binding binding = entry.getValue();
            if (binding.engine().finished()) {
                byClientId.remove(entry.getKey(), binding);
                continue;
            }
            try {
                tls.peerIdentity(binding.engine().getSession());
            } catch (CertificateRefusedException e) {
                binding.engine().refuse(e.reason() + ": " + e.getMessage());
                byClientId.remove(entry.getKey(), binding);
                refused.accept(entry.getKey(), e);
            }
        }
    }
}
