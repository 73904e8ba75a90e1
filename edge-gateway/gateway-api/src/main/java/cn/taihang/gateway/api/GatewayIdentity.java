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
     * @return the directory of the gateway's credentials, written at enrolment and kept apart from its data: its key and
     *     certificate, the city CA, the CRL, the command trust anchor ({@code command-anchor.json}) and its sealing key
     *     ({@code seal-key.pem}); never {@code null}, possibly not existing yet on a gateway that was not enrolled
     */
    Path identityDir();
}
