package cn.taihang.bridge.broker;

import cn.taihang.identity.TlsContext;
import io.vertx.core.Future;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the CA's current CRL to every gateway: the retained fleet command topic {@value #COMMAND} whose payload is the
 * CRL itself (DER), published at start and whenever the bridge's own {@code crl.pem} changes. A CRL is signed by the
 * issuing CA, so it is safe on any channel and travels outside the command-key envelope (the city CA, not the bridge's
 * command key, vouches for it); a gateway installs it only if that CA signed it and it is newer than its own
 * ({@code IdentityFiles.installCrl}).
 */
public final class CrlBroadcast {

    /** Name of the fleet command. */
    public static final String COMMAND = "crl";
    private static final Logger LOG = LoggerFactory.getLogger(CrlBroadcast.class);

    private final TlsContext tls;
    private final Function<byte[], Future<Void>> publisher;
    private X509CRL published;
    private boolean sending;

    /**
     * @param tls a context of the bridge's identity, whose CRL is the one published
     * @param publisher publishes a CRL (DER) retained on the fleet topic {@value #COMMAND}; fails if the broker does not take it
     */
    public CrlBroadcast(TlsContext tls, Function<byte[], Future<Void>> publisher) {
        this.tls = tls;
        this.publisher = publisher;
    }

    /** Publishes the CRL if it changed since the last publication (or was never published); call it periodically. */
    public synchronized void tick() {
        X509CRL current = tls.currentCrl().orElse(null);
        if (current == null || current == published || sending) {
            return;
        }
        byte[] der;
        try {
            der = current.getEncoded();
        } catch (CRLException e) {
            LOG.error("the bridge's CRL cannot be encoded; gateways keep theirs: {}", e.getMessage());
            published = current;
            return;
        }
        sending = true;
        publisher.apply(der).onComplete(ar -> {
            synchronized (this) {
                sending = false;
                if (ar.succeeded()) {
                    published = current;
                    LOG.info("published the CRL issued {} ({} revoked) to every gateway", current.getThisUpdate().toInstant(),
                            current.getRevokedCertificates() == null ? 0 : current.getRevokedCertificates().size());
                } else {
                    LOG.debug("CRL not published yet: {}", ar.cause().getMessage());
                }
            }
        });
    }
}
