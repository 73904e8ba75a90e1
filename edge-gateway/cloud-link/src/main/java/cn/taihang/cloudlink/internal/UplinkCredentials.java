package cn.taihang.cloudlink.internal;

import cn.taihang.identity.Identity;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.Kind;
import cn.taihang.identity.PemFiles;
import cn.taihang.identity.TlsContext;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.SocketFactory;

/**
 * What one connect presents, made from the gateway's identity directory at each connect (a renewed certificate or a new
 * CRL is used from the next connect on). Over {@code ssl://}: the gateway's own certificate (TLS client authentication),
 * the city CA as the only trust anchor, the broker's certificate checked for the host dialled and for being a bridge or
 * broker identity, the certificate's id as user name and a fresh random password (the embedded broker binds the
 * CONNECT to its TLS connection with it; mosquitto takes the id from the certificate). Over {@code tcp://}: the
 * configured user name and password, if any, and nothing proves who anyone is.
 *
 * @param socketFactory the sockets to hand Paho ({@code TCP_NODELAY})
 * @param username the MQTT user name, or empty for none
 * @param password the MQTT password
 * @param certificateChain the gateway's certificate chain (DER, its own first) for its births; empty over {@code tcp://}
 */
record UplinkCredentials(SocketFactory socketFactory, String username, char[] password, List<byte[]> certificateChain) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param settings the link's settings (broker URL; user name and password for {@code tcp://})
     * @param gatewayId the configured gateway id, which the certificate must name
     * @param site the configured site, which the certificate must name
     * @param identityDir the gateway's identity directory
     * @throws IOException if the identity is missing or unreadable (the message says how to enrol)
     * @throws GeneralSecurityException if the files do not fit together, or name another gateway or site
     */
    static UplinkCredentials load(LinkSettings settings, String gatewayId, String site, Path identityDir)
            throws IOException, GeneralSecurityException {
        if (!settings.brokerUrl().startsWith("ssl://")) {
            return new UplinkCredentials(new NoDelaySocketFactory(SocketFactory.getDefault()), settings.username(),
                    settings.password().toCharArray(), List.of());
        }
        IdentityFiles files = IdentityFiles.in(identityDir);
        TlsContext tls;
        try {
            tls = TlsContext.client(files).accept(Kind.BRIDGE, Kind.BROKER).build();
        } catch (NoSuchFileException e) {
            throw new IOException("the gateway has no identity in " + identityDir + " (" + e.getMessage() + " missing): enrol it with "
                    + "`pki make-gateway-csr --dir " + identityDir + " --id " + gatewayId + " --site " + site + "`, the CA's "
                    + "`pki enrol-gateway` and `pki install` (edge-gateway/identity/README.md)", e);
        }
        Identity identity = tls.identity();
        if (identity.kind() != Kind.GATEWAY || !identity.id().equals(gatewayId) || !identity.site().equals(site)) {
            throw new GeneralSecurityException(identityDir + " holds the identity of " + identity + ", but this gateway is configured as "
                    + gatewayId + " at site " + site + " (cn.taihang.gateway): fix the configuration or enrol the right identity");
        }
        List<byte[]> chain = new ArrayList<>();
        for (X509Certificate certificate : PemFiles.readCertificates(files.certificate())) {
            chain.add(certificate.getEncoded());
        }
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        return new UplinkCredentials(new NoDelaySslSocketFactory(tls.socketFactory()), identity.id(),
                Base64.getEncoder().encodeToString(nonce).toCharArray(), List.copyOf(chain));
    }
}
