package cn.taihang.cloudlink.embedded;

import cn.taihang.cloudlink.internal.LinkSettings;

/**
 * What an {@link EmbeddedUplink} connects with: a broker and the MetaType defaults of {@code cn.taihang.cloudlink} for
 * everything not named. Immutable; each {@code with…} returns a changed copy and validates at once
 * ({@link IllegalArgumentException} saying what to fix).
 */
public final class UplinkOptions {

    private final LinkSettings settings;

    private UplinkOptions(LinkSettings settings) {
        this.settings = settings;
    }

    /**
     * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}
     * @return the MetaType defaults for this broker
     * @throws IllegalArgumentException if the URL is not one of those
     */
    public static UplinkOptions defaults(String brokerUrl) {
        return new UplinkOptions(LinkSettings.defaults(brokerUrl));
    }

    /** @return these options for another broker ({@code tcp://} or {@code ssl://}) */
    public UplinkOptions withBrokerUrl(String brokerUrl) {
        return new UplinkOptions(settings.withBrokerUrl(brokerUrl));
    }

    /**
     * @param records records sent but not yet acknowledged, at least 1
     * @param perBatch records per MQTT message, 1 to 4096
     * @return these options with another window and batch size
     */
    public UplinkOptions withWindow(int records, int perBatch) {
        return new UplinkOptions(settings.withWindow(records, perBatch));
    }

    /** @return these options with another cap on records sent per second (at least 1) */
    public UplinkOptions withDrainRate(int recordsPerSecond) {
        return new UplinkOptions(settings.withDrainRate(recordsPerSecond));
    }

    /** @return these options with another longest random delay before the drain starts after a connect (0 = none) */
    public UplinkOptions withReconnectJitter(long millis) {
        return new UplinkOptions(settings.withTimings(settings.backoffInitialMillis(), settings.backoffMaxMillis(), millis, settings.ackTimeout()));
    }

    /** @return the broker URL */
    public String brokerUrl() {
        return settings.brokerUrl();
    }

    /** @return records sent but not yet acknowledged at the most */
    public int inflightRecords() {
        return settings.inflightRecords();
    }

    /** @return records per MQTT message at the most */
    public int batchMaxRecords() {
        return settings.batchMaxRecords();
    }

    /** @return QoS 1 messages awaiting PUBACK at the most (Paho's in-flight limit for data) */
    public int maxInflightMessages() {
        return settings.maxInflightMessages();
    }

    LinkSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
