package cn.taihang.cloudlink.internal;

import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Birth;
import cn.taihang.wire.BridgeState;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.Death;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Plays the cloud bridge over a real broker: decodes batches, records births and deaths, acknowledges. */
final class TestBridge implements AutoCloseable {

    private final LifecycleCodec lifecycle = new LifecycleCodec();
    private final BatchCodec batches = new BatchCodec();
    private final MqttAsyncClient client;
    private final String site;
    private final String gateway;
    final List<RecordFrame> received = new CopyOnWriteArrayList<>();
    final List<Birth> births = new CopyOnWriteArrayList<>();
    final List<Death> deaths = new CopyOnWriteArrayList<>();
    final List<Long> unacknowledged = new CopyOnWriteArrayList<>();
    volatile boolean autoAck = true;
    /** The run of the latest data batch received. */
    volatile long lastRun;

    /** Connects (with TCP_NODELAY, like the uplink) and subscribes to every gateway's data, births and deaths. */
    TestBridge(String brokerUrl, String site, String gateway) throws MqttException {
        this.site = site;
        this.gateway = gateway;
        this.client = new MqttAsyncClient(brokerUrl, "test-bridge", new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // the test reconnects when it restarts the broker
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                onMessage(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // nothing
            }
        });
        connect();
    }

    /**
     * Connects and subscribes; connects again when the broker drops the connection at its first SUBSCRIBE (Moquette 0.17
     * marks a connection connected only once its CONNACK's write has completed, which it may learn after the SUBSCRIBE
     * arrived: "SUBSCRIBE received on already closed connection"), a few times at most.
     */
    void connect() throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        options.setSocketFactory(new NoDelaySocketFactory(javax.net.SocketFactory.getDefault()));
        for (int attempt = 1; ; attempt++) {
            client.connect(options).waitForCompletion(5000);
            try {
                client.subscribe(new String[] {Topics.allGateways(Topics.Kind.DATA), Topics.allGateways(Topics.Kind.BIRTH),
                    Topics.allGateways(Topics.Kind.DEATH)}, new int[] {1, 1, 1}).waitForCompletion(5000);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private void onMessage(String topic, byte[] payload) throws Exception {
        switch (Topics.parse(topic).kind()) {
            case DATA -> {
                DataBatch batch = batches.decode(payload);
                lastRun = batch.run();
                received.addAll(batch.records());
                List<Long> seqs = batch.records().stream().map(RecordFrame::seq).toList();
                if (autoAck) {
                    ack(seqs);
                } else {
                    unacknowledged.addAll(seqs);
                }
            }
            case BIRTH -> births.add(lifecycle.decodeBirth(payload));
            case DEATH -> deaths.add(lifecycle.decodeDeath(payload));
            default -> { }
        }
    }

    void ack(List<Long> seqs) throws MqttException {
        client.publish(Topics.ack(site, gateway), batches.encodeAck(new Ack(seqs.stream().mapToLong(Long::longValue).toArray())), 1, false);
    }

    void ackOutstanding() throws MqttException {
        List<Long> seqs = new ArrayList<>(unacknowledged);
        unacknowledged.removeAll(seqs);
        ack(seqs);
    }

    void sendRawAck(byte[] payload) throws MqttException {
        client.publish(Topics.ack(site, gateway), payload, 1, false).waitForCompletion(5000);
    }

    void command(String name) throws MqttException {
        client.publish(Topics.command(site, gateway, name), new byte[0], 1, false).waitForCompletion(5000);
    }

    /** @return the SenML values of every record of a kind received so far, as text */
    List<String> recordsOfKind(String kind) throws cn.taihang.wire.WireFormatException {
        List<String> texts = new ArrayList<>();
        for (RecordFrame r : List.copyOf(received)) {
            if (r.kind().equals(kind)) {
                texts.add(new cn.taihang.wire.SenmlCodec().decodeCbor(r.body()).toString());
            }
        }
        return texts;
    }

    void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, payload, 1, retained).waitForCompletion(5000);
    }

    void state(boolean online) throws MqttException {
        state(online, System.currentTimeMillis());
    }

    /** Publishes the retained state of a bridge session that started at {@code sinceMillis}. */
    void state(boolean online, long sinceMillis) throws MqttException {
        client.publish(Topics.BRIDGE_STATE, lifecycle.encodeBridgeState(new BridgeState(1, online, sinceMillis)), 1, true)
                .waitForCompletion(5000);
    }

    /** Publishes the retained state of one bridge instance's session that started at {@code sinceMillis}. */
    void instanceState(String instance, boolean online, long sinceMillis) throws MqttException {
        client.publish(Topics.bridgeState(instance), lifecycle.encodeBridgeState(new BridgeState(1, online, sinceMillis)), 1, true)
                .waitForCompletion(5000);
    }

    List<Long> receivedSeqs() {
        return received.stream().map(RecordFrame::seq).toList();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5000);
        }
        client.close();
    }
}
