package cn.taihang.coap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A sensor that is a CoAP server, observed by the gateway (factory PID {@value #PID}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = ObserveConfig.PID, name = "%observe.name",
        description = "%observe.description")
public @interface ObserveConfig {

    /** The factory configuration PID. */
    String PID = "cn.taihang.coap.observe";

    @AttributeDefinition(name = "%observe.sensor.name", description = "%observe.sensor.description")
    String sensor();

    @AttributeDefinition(name = "%observe.uri.name",
            description = "%observe.uri.description")
    String uri();

    @AttributeDefinition(name = "%observe.identity.name", required = false,
            description = "%observe.identity.description")
    String identity() default "";

    /** Shortest pause before observing again, s. */
    int RETRY_SECONDS_MIN = 5;

    @AttributeDefinition(name = "%observe.retrySeconds.name", min = "" + RETRY_SECONDS_MIN,
            description = "%observe.retrySeconds.description")
    int retrySeconds() default 30;
}
