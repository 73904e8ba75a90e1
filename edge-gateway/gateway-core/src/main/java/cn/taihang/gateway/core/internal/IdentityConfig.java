package cn.taihang.gateway.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who and where this gateway is; written once at installation. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = IdentityConfig.PID, name = "%identity.name",
        description = "%identity.description")
@interface IdentityConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.gateway";

    @AttributeDefinition(name = "%identity.gatewayId.name",
            description = "%identity.gatewayId.description")
    String gatewayId();

    @AttributeDefinition(name = "%identity.site.name", description = "%identity.site.description")
    String site();

    @AttributeDefinition(name = "%identity.siteName.name", description = "%identity.siteName.description")
    String siteName() default "";

    @AttributeDefinition(name = "%identity.identityDir.name", description = "%identity.identityDir.description")
    String identityDir() default "/etc/taihang/identity";
}
