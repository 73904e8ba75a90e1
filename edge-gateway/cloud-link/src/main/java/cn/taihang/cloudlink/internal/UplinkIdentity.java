package cn.taihang.cloudlink.internal;

import cn.taihang.identity.IdentityFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's identity directory as the uplink uses it: the credentials of each connect, and the CRL the bridge hands
 * out (kept if the city CA signed it and it is newer, used from the next connect on and by every TLS peer check here).
 */
final class UplinkIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkIdentity.class);

    private final LinkSettings settings;
    private final String gatewayId;
    private final String site;
    private final Path identityDir;

    /**
     * @param settings the link's settings
     * @param gatewayId the configured gateway id, which the certificate must name
     * @param site the configured site, which the certificate must name
     * @param identityDir the gateway's identity directory
     */
    UplinkIdentity(LinkSettings settings, String gatewayId, String site, Path identityDir) {
        this.settings = settings;
        this.gatewayId = gatewayId;
        this.site = site;
        this.identityDir = identityDir;
    }

    /** @see UplinkCredentials#load */
    UplinkCredentials credentials() throws IOException, GeneralSecurityException {
        return UplinkCredentials.load(settings, gatewayId, site, identityDir);
    }

    /** Installs the CRL (DER) the bridge handed out if it is newer and of the issuing CA; refusals are logged, never thrown. */
    void installCrl(byte[] der) {
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            if (IdentityFiles.in(identityDir).installCrl(crl)) {
                LOG.info("Installed a newer CRL from the bridge in {}", identityDir);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("Refused the CRL the bridge sent (kept the present one): {}", e.getMessage());
        }
    }
}
