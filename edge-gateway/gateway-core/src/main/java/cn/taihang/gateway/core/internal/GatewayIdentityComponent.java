package cn.taihang.gateway.core.internal;

import cn.taihang.gateway.api.GatewayIdentity;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** Publishes the configured identity; refuses to activate with an id the namespace cannot carry. */
@Component(configurationPid = IdentityConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = IdentityConfig.class)
public class GatewayIdentityComponent implements GatewayIdentity {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final String gatewayId;
    private final String site;
    private final String siteName;
    private final Path identityDir;

    /** @throws IllegalArgumentException (activation fails) if an id is malformed */
    @Activate
    public GatewayIdentityComponent(IdentityConfig config) {
        this.gatewayId = requireId("gatewayId", config.gatewayId());
        this.site = requireId("site", config.site());
        this.siteName = config.siteName().isBlank() ? site : config.siteName();
        if (config.identityDir() == null || config.identityDir().isBlank()) {
            throw new IllegalArgumentException(IdentityConfig.PID + "/identityDir must name the gateway's identity directory "
                    + "(key.pem, cert.pem, ca.pem, crl.pem; see pki make-gateway-csr)");
        }
        this.identityDir = Path.of(config.identityDir());
    }

    private static String requireId(String property, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(IdentityConfig.PID + "/" + property + " must be 1-64 of a-z, 0-9 and '-' (was '"
                    + value + "'); fix it in the gateway configuration file");
        }
        return value;
    }

    @Override
    public String gatewayId() {
        return gatewayId;
    }

    @Override
    public String site() {
        return site;
    }

    @Override
    public String siteName() {
        return siteName;
    }

    @Override
    public Path identityDir() {
        return identityDir;
    }
}
