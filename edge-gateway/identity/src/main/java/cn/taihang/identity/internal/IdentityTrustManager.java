package cn.taihang.identity.internal;

import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.CertificateRefusedException.Reason;
import cn.taihang.identity.Identity;
import cn.taihang.identity.Kind;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether a TLS peer is let in: its chain validates to the trusted CAs at the current time, its certificate is
 * not in the current CRL, its key usage suits its end of the connection, it names a Taihang identity of an accepted
 * kind and (for a server, when the connection asks for it) the host that was dialled. Then the JDK's own PKIX trust
 * manager checks the chain once more, with its algorithm constraints and host name rules. Every refusal goes to the
 * {@link RefusalSink} and is thrown as a {@link CertificateRefusedException}.
 */
public final class IdentityTrustManager extends X509ExtendedTrustManager {

    private final PathValidator validator;
    private final CrlWatch crl;
    private final Set<Kind> accepted;
    private final TlsUsage peerUsage;
    private final RefusalSink sink;
    private final X509ExtendedTrustManager jdk;

    /**
     * @param validator the trusted CAs and the intermediates that may complete a chain
     * @param crl the local CRL; null to skip revocation checking
     * @param accepted the kinds of identity accepted as peers
     * @param peerUsage the peer's end of the connection
     * @param sink where refusals go
     */
    public IdentityTrustManager(PathValidator validator, CrlWatch crl, Set<Kind> accepted, TlsUsage peerUsage, RefusalSink sink)
            throws GeneralSecurityException {
        this.validator = validator;
        this.crl = crl;
        this.accepted = Set.copyOf(accepted);
        this.peerUsage = peerUsage;
        this.sink = sink;
        this.jdk = jdkTrustManager(validator);
    }

    /**
     * Checks a peer's chain outside a handshake, as the handshake would (no host name check).
     *
     * @return the identity the chain names
     */
    public Identity check(X509Certificate[] chain) throws CertificateRefusedException {
        return check(chain, null, null, null);
    }

    private Identity check(X509Certificate[] chain, String authType, Socket socket, SSLEngine engine) throws CertificateRefusedException {
        if (chain == null || chain.length == 0) {
            throw sink.refused(new CertificateRefusedException(Reason.NO_CERTIFICATE, "the peer presented no certificate", null), "none");
        }
        X509Certificate leaf = chain[0];
        String key = leaf.getIssuerX500Principal().getName() + "#" + leaf.getSerialNumber().toString(16);
        try {
            X509CRL current = crl == null ? null : crl.current();
            validator.validate(chain, current, crl == null ? "" : crl.file().toString());
            Optional<String> usage = peerUsage.problemWith(leaf);
            if (usage.isPresent()) {
                throw new CertificateRefusedException(Reason.WRONG_KEY_USAGE, PathValidator.describe(leaf)
                        + " cannot be used by a TLS " + peerUsage.name().toLowerCase(java.util.Locale.ROOT) + ": " + usage.get(), null);
            }
            Identity identity = Identity.of(leaf);
            if (!accepted.contains(identity.kind())) {
                throw new CertificateRefusedException(Reason.WRONG_KIND, "certificate of " + identity + " where "
                        + accepted.stream().map(Kind::label).sorted().collect(Collectors.joining(" or ")) + " is required", null);
            }
            if (authType != null) {
                jdkCheck(validator.complete(chain).toArray(X509Certificate[]::new), authType, socket, engine);
            }
            return identity;
        } catch (CertificateRefusedException e) {
            throw sink.refused(e, key);
        }
    }

    private void jdkCheck(X509Certificate[] path, String authType, Socket socket, SSLEngine engine) throws CertificateRefusedException {
        try {
            if (peerUsage == TlsUsage.CLIENT) {
                if (engine != null) {
                    jdk.checkClientTrusted(path, authType, engine);
                } else {
                    jdk.checkClientTrusted(path, authType, socket);
                }
                return;
            }
            jdk.checkServerTrusted(path, authType);
        } catch (CertificateException e) {
            throw new CertificateRefusedException(Reason.OTHER, PathValidator.describe(path[0]) + ": " + e.getMessage(), e);
        }
        if (socket == null && engine == null) {
            return;
        }
        try {
            if (engine != null) {
                jdk.checkServerTrusted(path, authType, engine);
            } else {
                jdk.checkServerTrusted(path, authType, socket);
            }
        } catch (CertificateException e) {
            throw new CertificateRefusedException(Reason.HOST_MISMATCH, PathValidator.describe(path[0])
                    + " does not name the host that was dialled: " + e.getMessage()
                    + "; enrol the server with that name (pki enrol-bridge --dns …) or dial a name it carries", e);
        }
    }

    private static X509ExtendedTrustManager jdkTrustManager(PathValidator validator) throws GeneralSecurityException {
        Set<TrustAnchor> anchors = validator.anchorCertificates().stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
        parameters.setRevocationEnabled(false);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(validator.intermediates())));
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK's PKIX trust manager factory made no X509ExtendedTrustManager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, authType, socket, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, authType, socket, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, null, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, authType, null, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return validator.anchorCertificates().toArray(X509Certificate[]::new);
    }
}
