package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.config.Ranges;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The uplink's settings, validated at the boundary.
 *
 * @param brokerUrl {@code tcp://} or {@code ssl://} URL
 * @param username user name for a {@code tcp://} broker, or empty ({@code ssl://}: the certificate's id)
 * @param password password for a {@code tcp://} broker, or empty
 */
public record LinkSettings(String brokerUrl, String username, String password, int keepAliveSeconds, int connectTimeoutSeconds,
                           int inflightRecords, int batchMaxRecords, int batchMaxBytes, int maxInflightMessages,
                           long backoffInitialMillis, long backoffMaxMillis, Duration ackTimeout, int drainRatePerSecond,
                           long reconnectJitterMillis, long bridgeStateGraceMillis, long restartResendJitterMillis) {

    /** Validates. @throws IllegalArgumentException with what to fix */
    public LinkSettings {
        if (brokerUrl == null || !(brokerUrl.startsWith("tcp://") || brokerUrl.startsWith("ssl://")) || brokerUrl.length() < 7) {
            throw new IllegalArgumentException("brokerUrl of " + CloudLinkConfig.PID + " must be tcp://host:port or ssl://host:port, was " + brokerUrl);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        String of = CloudLinkConfig.PID + "/";
        Ranges.require(of + "keepAliveSeconds", keepAliveSeconds, CloudLinkConfig.KEEP_ALIVE_SECONDS_MIN, CloudLinkConfig.KEEP_ALIVE_SECONDS_MAX);
        Ranges.require(of + "connectTimeoutSeconds", connectTimeoutSeconds, CloudLinkConfig.CONNECT_TIMEOUT_SECONDS_MIN,
                CloudLinkConfig.CONNECT_TIMEOUT_SECONDS_MAX);
        Ranges.require(of + "inflightRecords", inflightRecords, CloudLinkConfig.INFLIGHT_RECORDS_MIN, CloudLinkConfig.INFLIGHT_RECORDS_MAX);
        Ranges.require(of + "batchMaxRecords", batchMaxRecords, CloudLinkConfig.BATCH_MAX_RECORDS_MIN, CloudLinkConfig.BATCH_MAX_RECORDS_MAX);
        Ranges.require(of + "batchMaxBytes", batchMaxBytes, CloudLinkConfig.BATCH_MAX_BYTES_MIN, CloudLinkConfig.BATCH_MAX_BYTES_MAX);
        Ranges.require(of + "maxInflightMessages", maxInflightMessages, CloudLinkConfig.MAX_INFLIGHT_MESSAGES_MIN, CloudLinkConfig.MAX_INFLIGHT_MESSAGES_MAX);
        Ranges.require(of + "backoffInitialMillis", backoffInitialMillis, CloudLinkConfig.BACKOFF_INITIAL_MILLIS_MIN, Long.MAX_VALUE);
        Ranges.require(of + "backoffMaxMillis", backoffMaxMillis, Math.max(CloudLinkConfig.BACKOFF_MAX_MILLIS_MIN, backoffInitialMillis), Long.MAX_VALUE);
        Ranges.require(of + "ackTimeoutSeconds", ackTimeout.toSeconds(), CloudLinkConfig.ACK_TIMEOUT_SECONDS_MIN, Long.MAX_VALUE);
        Ranges.require(of + "drainRatePerSecond", drainRatePerSecond, CloudLinkConfig.DRAIN_RATE_PER_SECOND_MIN, Integer.MAX_VALUE);
        Ranges.require(of + "reconnectJitterMillis", reconnectJitterMillis, CloudLinkConfig.RECONNECT_JITTER_MILLIS_MIN, Long.MAX_VALUE);
        Ranges.require(of + "bridgeStateGraceMillis", bridgeStateGraceMillis, CloudLinkConfig.BRIDGE_STATE_GRACE_MILLIS_MIN, Long.MAX_VALUE);
        Ranges.require(of + "restartResendJitterMillis", restartResendJitterMillis, CloudLinkConfig.RESTART_RESEND_JITTER_MILLIS_MIN,
                CloudLinkConfig.RESTART_RESEND_JITTER_MILLIS_MAX);
    }

    /** @param config the configuration */
    public static LinkSettings from(CloudLinkConfig config) {
        return new LinkSettings(config.brokerUrl(), config.username(), config._password(), config.keepAliveSeconds(),
                config.connectTimeoutSeconds(), config.inflightRecords(), config.batchMaxRecords(), config.batchMaxBytes(),
                config.maxInflightMessages(), config.backoffInitialMillis(), config.backoffMaxMillis(),
                Duration.ofSeconds(config.ackTimeoutSeconds()), config.drainRatePerSecond(), config.reconnectJitterMillis(),
                config.bridgeStateGraceMillis(), config.restartResendJitterMillis());
    }

    /** The MetaType defaults (read from {@link CloudLinkConfig}, so they are written in one place) for a broker. */
    public static LinkSettings defaults(String brokerUrl) {
        CloudLinkConfig config = (CloudLinkConfig) Proxy.newProxyInstance(CloudLinkConfig.class.getClassLoader(),
                new Class<?>[] {CloudLinkConfig.class}, (proxy, method, args) -> valueOf(method, brokerUrl));
        return from(config);
    }

    private static Object valueOf(Method method, String brokerUrl) {
        return method.getName().equals("brokerUrl") ? brokerUrl : method.getDefaultValue();
    }

    /** @return the same settings for another broker */
    public LinkSettings withBrokerUrl(String url) {
        return new LinkSettings(url, username, password, keepAliveSeconds, connectTimeoutSeconds, inflightRecords, batchMaxRecords,
                batchMaxBytes, maxInflightMessages, backoffInitialMillis, backoffMaxMillis, ackTimeout, drainRatePerSecond,
                reconnectJitterMillis, bridgeStateGraceMillis, restartResendJitterMillis);
    }

    /** @return the same settings with other reconnect timings ({@code jitter}: both the start-of-drain and the restart-resend jitter) */
    public LinkSettings withTimings(long backoffInitial, long backoffMax, long jitter, Duration ackTimeoutAfter) {
        return new LinkSettings(brokerUrl, username, password, keepAliveSeconds, connectTimeoutSeconds, inflightRecords, batchMaxRecords,
                batchMaxBytes, maxInflightMessages, backoffInitial, backoffMax, ackTimeoutAfter, drainRatePerSecond, jitter,
                bridgeStateGraceMillis, jitter);
    }

    /** @return the same settings with another window and batch size */
    public LinkSettings withWindow(int records, int perBatch) {
        return new LinkSettings(brokerUrl, username, password, keepAliveSeconds, connectTimeoutSeconds, records, perBatch,
                batchMaxBytes, maxInflightMessages, backoffInitialMillis, backoffMaxMillis, ackTimeout, drainRatePerSecond,
                reconnectJitterMillis, bridgeStateGraceMillis, restartResendJitterMillis);
    }

    /** @return the same settings with another drain rate cap (records/s) */
    public LinkSettings withDrainRate(int recordsPerSecond) {
        return new LinkSettings(brokerUrl, username, password, keepAliveSeconds, connectTimeoutSeconds, inflightRecords, batchMaxRecords,
                batchMaxBytes, maxInflightMessages, backoffInitialMillis, backoffMaxMillis, ackTimeout, recordsPerSecond,
                reconnectJitterMillis, bridgeStateGraceMillis, restartResendJitterMillis);
    }

    /** @return the same settings with another in-flight window of records and Paho's in-flight limit of messages */
    public LinkSettings withInflight(int records, int messages) {
        return new LinkSettings(brokerUrl, username, password, keepAliveSeconds, connectTimeoutSeconds, records, batchMaxRecords,
                batchMaxBytes, messages, backoffInitialMillis, backoffMaxMillis, ackTimeout, drainRatePerSecond,
                reconnectJitterMillis, bridgeStateGraceMillis, restartResendJitterMillis);
    }

    /**
     * @param lifecycleMessages room to leave in Paho's in-flight limit for births and deaths
     * @param credentials what this connect presents
     * @return Paho options for one connect (clean session, no automatic reconnect, TCP_NODELAY); the will is the caller's
     */
    MqttConnectOptions connectOptions(int lifecycleMessages, UplinkCredentials credentials) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(keepAliveSeconds);
        options.setConnectionTimeout(connectTimeoutSeconds);
        options.setMaxInflight(maxInflightMessages + lifecycleMessages);
        options.setSocketFactory(credentials.socketFactory());
        if (!credentials.username().isEmpty()) {
            options.setUserName(credentials.username());
            options.setPassword(credentials.password());
        }
        return options;
    }

    @Override
    public String toString() {
        return "LinkSettings[" + brokerUrl + ", user=" + (username.isEmpty() ? "-" : username) + ", password=" + (password.isEmpty() ? "-" : "***")
                + ", window=" + inflightRecords + ", batch=" + batchMaxRecords + "]";
    }
}
