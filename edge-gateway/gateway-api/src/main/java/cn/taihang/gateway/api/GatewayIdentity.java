package cn.taihang.gateway.api;

import java.nio.file.Path;

/** Who and where this gateway is, as an OSGi service configured at installation. */
public interface GatewayIdentity {

    /** @return the gateway id, unique in the network, e.g. {@code gw-hsr-east-1} */
    String gatewayId();

    /** @return the site id, e.g. {@code jincheng-hsr-east} */
    String site();

    /** @return the site's name for people, e.g. {@code 晋城高铁东站 Jincheng HSR East} */
    String siteName();

    /**
     * @return the directory of this gateway's identity files, written at enrolment and kept apart from its data:
     *     {@code key.pem}, {@code cert.pem}, {@code ca.pem}, {@code crl.pem} ({@code cn.taihang.identity.IdentityFiles}
     *     reads them: its TLS client certificate on the uplink, the city CA it trusts), the command trust anchor
     *     ({@code command-anchor.json}) and its sealing key ({@code seal-key.pem}). Never {@code null}; the directory
     *     may not exist yet on a gateway not enrolled
     */
    Path identityDir();
}
