package cn.taihang.cloudlink.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the MQTT uplink (PID {@code cn.taihang.cloudlink}). The defaults live here and only here. */
@ObjectClassDefinition(id = CloudLinkConfig.PID, name = "Taihang cloud link",
        description = "MQTT uplink from this gateway to the cloud bridge.")
public @interface CloudLinkConfig {

    /** Configuration PID. */
    String PID = "cn.taihang.cloudlink";

    @AttributeDefinition(name = "Broker URL", description = "tcp://host:1883, or ssl://host:8883 (JVM trust store).")
    String brokerUrl();

    @AttributeDefinition(name = "User name", required = false, description = "Empty: connect without credentials.")
    String username() default "";

    /** The property is {@code .password}: the leading dot keeps it out of the service registration (DS 112.8.2). */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "Keep-alive (s)", min = "5", max = "3600")
    int keepAliveSeconds() default 30;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1", max = "300")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Records in flight", min = "1", max = "100000",
            description = "Records sent but not yet acknowledged by the bridge.")
    int inflightRecords() default 500;

    @AttributeDefinition(name = "Records per message", min = "1", max = "4096")
    int batchMaxRecords() default 200;

    @AttributeDefinition(name = "Bytes per message", min = "1024", max = "1048576",
            description = "A batch is split before it grows past this; keep it below the broker's message size limit.")
    int batchMaxBytes() default 262144;

    @AttributeDefinition(name = "MQTT messages in flight", min = "1", max = "65535",
            description = "QoS 1 messages awaiting PUBACK (Paho's maxInflight).")
    int maxInflightMessages() default 200;

    @AttributeDefinition(name = "Reconnect backoff, first (ms)", min = "10")
    long backoffInitialMillis() default 500;

    @AttributeDefinition(name = "Reconnect backoff, cap (ms)", min = "100")
    long backoffMaxMillis() default 30000;

    @AttributeDefinition(name = "Acknowledgement timeout (s)", min = "1",
            description = "Records the bridge has not acknowledged within this time are sent again.")
    int ackTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Drain rate (records/s)", min = "1",
            description = "Cap on records sent per second, so a city of gateways reconnecting does not flood the bridge.")
    int drainRatePerSecond() default 2000;

    @AttributeDefinition(name = "Start-of-drain jitter (ms)", min = "0",
            description = "After each connect the drain starts after a random delay up to this.")
    long reconnectJitterMillis() default 2000;

    @AttributeDefinition(name = "Bridge state grace (ms)", min = "0",
            description = "If no retained bridge state arrives within this after connecting, the bridge is taken as online.")
    long bridgeStateGraceMillis() default 1000;
}
