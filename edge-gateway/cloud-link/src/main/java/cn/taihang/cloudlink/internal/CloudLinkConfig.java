package cn.taihang.cloudlink.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the MQTT uplink (PID {@code cn.taihang.cloudlink}). The defaults live here and only here. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = CloudLinkConfig.PID, name = "%cloudlink.name",
        description = "%cloudlink.description")
public @interface CloudLinkConfig {

    /** Configuration PID. */
    String PID = "cn.taihang.cloudlink";

    @AttributeDefinition(name = "%cloudlink.brokerUrl.name", description = "%cloudlink.brokerUrl.description")
    String brokerUrl();

    @AttributeDefinition(name = "%cloudlink.username.name", required = false, description = "%cloudlink.username.description")
    String username() default "";

    /** The property is {@code .password}: the leading dot keeps it out of the service registration (DS 112.8.2). */
    @AttributeDefinition(name = "%cloudlink._password.name", type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    /** Shortest MQTT keep-alive, s. */
    int KEEP_ALIVE_SECONDS_MIN = 5;
    /** Longest MQTT keep-alive, s. */
    int KEEP_ALIVE_SECONDS_MAX = 3600;

    @AttributeDefinition(name = "%cloudlink.keepAliveSeconds.name", min = "" + KEEP_ALIVE_SECONDS_MIN, max = "" + KEEP_ALIVE_SECONDS_MAX)
    int keepAliveSeconds() default 30;

    /** Shortest connect timeout, s. */
    int CONNECT_TIMEOUT_SECONDS_MIN = 1;
    /** Longest connect timeout, s. */
    int CONNECT_TIMEOUT_SECONDS_MAX = 300;

    @AttributeDefinition(name = "%cloudlink.connectTimeoutSeconds.name", min = "" + CONNECT_TIMEOUT_SECONDS_MIN, max = "" + CONNECT_TIMEOUT_SECONDS_MAX)
    int connectTimeoutSeconds() default 10;

    /** Smallest window of records in flight. */
    int INFLIGHT_RECORDS_MIN = 1;
    /** Largest window of records in flight. */
    int INFLIGHT_RECORDS_MAX = 100_000;

    @AttributeDefinition(name = "%cloudlink.inflightRecords.name", min = "" + INFLIGHT_RECORDS_MIN, max = "" + INFLIGHT_RECORDS_MAX,
            description = "%cloudlink.inflightRecords.description")
    int inflightRecords() default 500;

    /** Fewest records per message. */
    int BATCH_MAX_RECORDS_MIN = 1;
    /** Most records per message. */
    int BATCH_MAX_RECORDS_MAX = 4096;

    @AttributeDefinition(name = "%cloudlink.batchMaxRecords.name", min = "" + BATCH_MAX_RECORDS_MIN, max = "" + BATCH_MAX_RECORDS_MAX)
    int batchMaxRecords() default 200;

    /** Smallest message, bytes. */
    int BATCH_MAX_BYTES_MIN = 1024;
    /** Largest message, bytes. */
    int BATCH_MAX_BYTES_MAX = 1_048_576;

    @AttributeDefinition(name = "%cloudlink.batchMaxBytes.name", min = "" + BATCH_MAX_BYTES_MIN, max = "" + BATCH_MAX_BYTES_MAX,
            description = "%cloudlink.batchMaxBytes.description")
    int batchMaxBytes() default 262144;

    /** Fewest QoS 1 messages awaiting PUBACK. */
    int MAX_INFLIGHT_MESSAGES_MIN = 1;
    /** Most QoS 1 messages awaiting PUBACK (MQTT packet ids). */
    int MAX_INFLIGHT_MESSAGES_MAX = 65_535;

    @AttributeDefinition(name = "%cloudlink.maxInflightMessages.name", min = "" + MAX_INFLIGHT_MESSAGES_MIN, max = "" + MAX_INFLIGHT_MESSAGES_MAX,
            description = "%cloudlink.maxInflightMessages.description")
    int maxInflightMessages() default 200;

    /** Shortest first reconnect backoff, ms. */
    long BACKOFF_INITIAL_MILLIS_MIN = 10L;

    @AttributeDefinition(name = "%cloudlink.backoffInitialMillis.name", min = "" + BACKOFF_INITIAL_MILLIS_MIN)
    long backoffInitialMillis() default 500;

    /** Shortest backoff cap, ms (never below the first backoff). */
    long BACKOFF_MAX_MILLIS_MIN = 100L;

    @AttributeDefinition(name = "%cloudlink.backoffMaxMillis.name", min = "" + BACKOFF_MAX_MILLIS_MIN)
    long backoffMaxMillis() default 30000;

    /** Shortest acknowledgement timeout, s. */
    int ACK_TIMEOUT_SECONDS_MIN = 1;

    @AttributeDefinition(name = "%cloudlink.ackTimeoutSeconds.name", min = "" + ACK_TIMEOUT_SECONDS_MIN,
            description = "%cloudlink.ackTimeoutSeconds.description")
    int ackTimeoutSeconds() default 30;

    /** Lowest drain rate cap, records/s. */
    int DRAIN_RATE_PER_SECOND_MIN = 1;

    @AttributeDefinition(name = "%cloudlink.drainRatePerSecond.name", min = "" + DRAIN_RATE_PER_SECOND_MIN,
            description = "%cloudlink.drainRatePerSecond.description")
    int drainRatePerSecond() default 2000;

    /** Shortest start-of-drain jitter, ms (none). */
    long RECONNECT_JITTER_MILLIS_MIN = 0L;

    @AttributeDefinition(name = "%cloudlink.reconnectJitterMillis.name", min = "" + RECONNECT_JITTER_MILLIS_MIN,
            description = "%cloudlink.reconnectJitterMillis.description")
    long reconnectJitterMillis() default 2000;

    /** Shortest bridge state grace, ms (none). */
    long BRIDGE_STATE_GRACE_MILLIS_MIN = 0L;

    @AttributeDefinition(name = "%cloudlink.bridgeStateGraceMillis.name", min = "" + BRIDGE_STATE_GRACE_MILLIS_MIN,
            description = "%cloudlink.bridgeStateGraceMillis.description")
    long bridgeStateGraceMillis() default 1000;

    /** Shortest window of the resend after a bridge restart, ms (none: at once). */
    long RESTART_RESEND_JITTER_MILLIS_MIN = 0L;
    /** Longest window of the resend after a bridge restart, ms (10 min). */
    long RESTART_RESEND_JITTER_MILLIS_MAX = 600_000L;

    @AttributeDefinition(name = "%cloudlink.restartResendJitterMillis.name", min = "" + RESTART_RESEND_JITTER_MILLIS_MIN,
            max = "" + RESTART_RESEND_JITTER_MILLIS_MAX, description = "%cloudlink.restartResendJitterMillis.description")
    long restartResendJitterMillis() default 15000;

    /** Least clock skew allowed for commands, s. */
    int COMMAND_CLOCK_SKEW_SECONDS_MIN = 0;
    /** Most clock skew allowed for commands, s (a day). */
    int COMMAND_CLOCK_SKEW_SECONDS_MAX = 86_400;

    @AttributeDefinition(name = "%cloudlink.commandClockSkewSeconds.name", min = "" + COMMAND_CLOCK_SKEW_SECONDS_MIN,
            max = "" + COMMAND_CLOCK_SKEW_SECONDS_MAX, description = "%cloudlink.commandClockSkewSeconds.description")
    int commandClockSkewSeconds() default 300;
}
