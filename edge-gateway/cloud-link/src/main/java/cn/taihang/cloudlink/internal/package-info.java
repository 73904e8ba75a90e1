/**
 * The MQTT uplink to the cloud bridge (never exported).
 *
 * <ul>
 *   <li><b>Delivery</b>: records go QoS 1 in batches on {@code taihang/v1/{site}/{gateway}/data} and are
 *       deleted from the store only when the bridge's acknowledgement arrives on {@code …/ack}. The bridge
 *       sends it after committing the records, so this is stronger than deleting on the broker's PUBACK, which
 *       only means the broker holds the message. Unacknowledged records are released and re-sent after a
 *       disconnect or {@code ackTimeoutSeconds}; the bridge drops duplicates by (gateway id, seq).</li>
 *   <li><b>Lifecycle</b> (Sparkplug B's idea): a durable {@code bdSeq} incremented before every connect; the
 *       death with that {@code bdSeq} is the MQTT will (QoS 1) and is also published on a clean stop; a birth
 *       on every connect and on the {@code rebirth} command (same {@code bdSeq}).</li>
 *   <li><b>Flow control</b>: an in-flight window of records, Paho's in-flight limit raised, a records/s cap,
 *       a random start-of-drain delay after each connect, capped jittered exponential reconnect backoff, and
 *       the drain held while every bridge instance's retained state says offline (taken as online if none arrives within
 *       {@code bridgeStateGraceMillis}).</li>
 * </ul>
 */
package cn.taihang.cloudlink.internal;
