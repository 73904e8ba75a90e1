package cn.taihang.gateway.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who and where this gateway is; written once at installation. */
@ObjectClassDefinition(id = IdentityConfig.PID, name = "Gateway identity / 网关身份",
        description = "Who and where this gateway is. Set at installation; the cloud bridge knows the gateway by this id.")
@interface IdentityConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.gateway";

    @AttributeDefinition(name = "Gateway id / 网关编号",
            description = "Unique in the network: 1-64 of a-z, 0-9 and '-', e.g. gw-hsr-east-1")
    String gatewayId();

    @AttributeDefinition(name = "Site id / 站点编号", description = "1-64 of a-z, 0-9 and '-', e.g. jincheng-hsr-east")
    String site();

    @AttributeDefinition(name = "Site name / 站点名称", description = "For people, Chinese and English, e.g. 晋城高铁东站 Jincheng HSR East")
    String siteName() default "";
}
