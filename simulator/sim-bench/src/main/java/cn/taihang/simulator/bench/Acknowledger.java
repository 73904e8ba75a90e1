package cn.taihang.simulator.bench;

import cn.taihang.simulator.run.BridgeAccess;
import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.BridgeState;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.Topics;
import cn.taihang.wire.WireFormatException;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bridge's part of the drain reduced to the wire: subscribes to every gateway's data, decodes each batch and
 * acknowledges all its sequence numbers at once (QoS 1), storing nothing. Uses the bridge's own MQTT client
 * (vertx-mqtt, TCP_NODELAY, TLS with a bridge instance's certificate). Measures the uplink's drain, not the bridge's database ({@code ./taihang sim storm} does).
 */
final class Acknowledger implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final MqttClient client;
    private final BatchCodec batches = new BatchCodec();
    private final LifecycleCodec lifecycle = new LifecycleCodec();
    private final AtomicLong records = new AtomicLong();

    /**
     * @param identityDir a bridge instance's identity that the broker's ACL lets read the gateways' data, or {@code null}
     *     for plain MQTT to a benchmark's lab broker
     */
    Acknowledger(String host, int port, Path identityDir) throws Exception {
        MqttClientOptions options = new MqttClientOptions().setClientId(BridgeAccess.BRIDGE_ID).setCleanSession(true).setMaxInflightQueue(65_535)
                .setMaxMessageSize(4 * 1024 * 1024);
        options.setAutoAck(true);
        options.setTcpNoDelay(true);
        client = MqttClient.create(vertx, identityDir == null ? options : MqttTls.present(options, identityDir));
        client.publishHandler(this::acknowledge);
        client.connect(port, host).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.subscribe(Topics.allGateways(Topics.Kind.DATA), 1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.publish(Topics.BRIDGE_STATE, Buffer.buffer(lifecycle.encodeBridgeState(new BridgeState(1, true, System.currentTimeMillis()))),
                MqttQoS.AT_LEAST_ONCE, false, true).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void acknowledge(MqttPublishMessage message) {
        try {
            Topics.Address address = Topics.parse(message.topicName());
            DataBatch batch = batches.decode(message.payload().getBytes());
            long[] seqs = batch.records().stream().mapToLong(RecordFrame::seq).toArray();
            client.publish(Topics.ack(address.site(), address.gateway()), Buffer.buffer(batches.encodeAck(new Ack(seqs))), MqttQoS.AT_LEAST_ONCE, false, false);
            records.addAndGet(seqs.length);
        } catch (WireFormatException e) {
            throw new IllegalStateException("the acknowledger could not decode a batch on " + message.topicName() + ": " + e.getMessage(), e);
        }
    }

    /** @return records acknowledged so far */
    long records() {
        return records.get();
    }

    @Override
    public void close() throws Exception {
        client.disconnect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
