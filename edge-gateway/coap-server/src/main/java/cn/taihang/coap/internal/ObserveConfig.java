package cn.taihang.coap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A sensor that is a CoAP server, observed by the gateway (factory PID {@value #PID}). */
@ObjectClassDefinition(id = ObserveConfig.PID, name = "观察传感器 / Observed sensor",
        description = "A sensor that serves its SenML readings as a CoAP resource; the gateway observes it (RFC 7641).")
public @interface ObserveConfig {

    /** The factory configuration PID. */
    String PID = "cn.taihang.coap.observe";

    @AttributeDefinition(name = "Sensor id / 传感器编号", description = "Device id the readings are recorded under. Required.")
    String sensor();

    @AttributeDefinition(name = "Resource URI / 资源地址",
            description = "coaps://host:port/path (PSK from the sensor-keys command) or coap://… in a lab. Required.")
    String uri();

    @AttributeDefinition(name = "PSK identity / 身份", required = false,
            description = "Identity the gateway presents to a coaps sensor; empty = the sensor id")
    String identity() default "";

    @AttributeDefinition(name = "Re-observe after (s) / 重新观察间隔", min = "5",
            description = "How often a lost or refused observation is tried again")
    int retrySeconds() default 30;
}
