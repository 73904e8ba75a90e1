package cn.taihang.coap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The CoAP server for 5G sensors (PID {@value #PID}). The defaults here are the only defaults. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = CoapServerConfig.PID, name = "%coap.name",
        description = "%coap.description")
public @interface CoapServerConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.coap";

    @AttributeDefinition(name = "%coap.bindAddress.name", description = "%coap.bindAddress.description")
    String bindAddress() default "0.0.0.0";

    /** Lowest CoAPS port (0: any free port). */
    int SECURE_PORT_MIN = 0;
    /** Highest UDP port. */
    int PORT_MAX = 65_535;

    @AttributeDefinition(name = "%coap.securePort.name", min = "" + SECURE_PORT_MIN, max = "" + PORT_MAX,
            description = "%coap.securePort.description")
    int securePort() default 5684;

    /** Lowest plain CoAP port (-1: none, 0: any free port). */
    int PLAIN_PORT_MIN = -1;
    /** Highest plain CoAP port. */
    int PLAIN_PORT_MAX = PORT_MAX;

    @AttributeDefinition(name = "%coap.plainPort.name", min = "" + PLAIN_PORT_MIN, max = "" + PLAIN_PORT_MAX,
            description = "%coap.plainPort.description")
    int plainPort() default -1;

    /** Smallest payload limit, bytes. */
    int MAX_PAYLOAD_BYTES_MIN = 64;
    /** Largest payload limit, bytes. */
    int MAX_PAYLOAD_BYTES_MAX = 1_048_576;

    @AttributeDefinition(name = "%coap.maxPayloadBytes.name", min = "" + MAX_PAYLOAD_BYTES_MIN, max = "" + MAX_PAYLOAD_BYTES_MAX,
            description = "%coap.maxPayloadBytes.description")
    int maxPayloadBytes() default 16384;

    /** Lowest rate a sensor may be held to, requests per minute. */
    int REQUESTS_PER_MINUTE_MIN = 1;

    @AttributeDefinition(name = "%coap.requestsPerMinute.name", min = "" + REQUESTS_PER_MINUTE_MIN,
            description = "%coap.requestsPerMinute.description")
    int requestsPerMinute() default 120;

    /** Smallest burst per sensor. */
    int BURST_MIN = 1;

    @AttributeDefinition(name = "%coap.burst.name", min = "" + BURST_MIN, description = "%coap.burst.description")
    int burst() default 20;

    /** Fewest readings waiting for the store. */
    int MAX_PENDING_MIN = 1;

    @AttributeDefinition(name = "%coap.maxPending.name", min = "" + MAX_PENDING_MIN,
            description = "%coap.maxPending.description")
    int maxPending() default 512;

    @AttributeDefinition(name = "%coap.cipherSuites.name",
            description = "%coap.cipherSuites.description")
    String[] cipherSuites() default {"TLS_PSK_WITH_AES_128_CCM_8"};

    @AttributeDefinition(name = "%coap.sealingSecretFile.name", required = false,
            description = "%coap.sealingSecretFile.description")
    String sealingSecretFile() default "";

    /** Fewest protocol threads. */
    int PROTOCOL_THREADS_MIN = 1;
    /** Most protocol threads. */
    int PROTOCOL_THREADS_MAX = 16;

    @AttributeDefinition(name = "%coap.protocolThreads.name", min = "" + PROTOCOL_THREADS_MIN, max = "" + PROTOCOL_THREADS_MAX,
            description = "%coap.protocolThreads.description")
    int protocolThreads() default 2;
}
