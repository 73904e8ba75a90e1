package cn.taihang.bridge;

import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Birth;
import cn.taihang.wire.DataBatch;
import cn.taihang.wire.Death;
import cn.taihang.wire.LifecycleCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A gateway's MQTT side played by a Paho client: publishes with the wire-format codecs, collects acks. */
final class TestGateway implements AutoCloseable {

    final String site;
    final String gateway;
    private final MqttClient client;
    private final BatchCodec batches = new BatchCodec();
    private final LifecycleCodec lifecycle = new LifecycleCodec();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<String> ackErrors = new CopyOnWriteArrayList<>();

    TestGateway(String brokerUrl, String site, String gateway) throws MqttException {
        this.site = site;
        this.gateway = gateway;
        client = new MqttClient(brokerUrl, "test-" + gateway + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(200);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options);
        client.subscribe(Topics.ack(site, gateway), 1, (topic, message) -> {
            try {
                acks.add(lifecycle.decodeAck(message.getPayload()));
            } catch (Exception e) {
                ackErrors.add(e.toString());
            }
        });
    }

    void send(List<RecordFrame> records) throws MqttException {
        sendRaw(Topics.data(site, gateway), batches.encode(new DataBatch(gateway, records)));
    }

    void sendRaw(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    void birth(long bdSeq) throws MqttException {
        sendRaw(Topics.birth(site, gateway), lifecycle.encodeBirth(birthOf(bdSeq)));
    }

    Birth birthOf(long bdSeq) {
        return new Birth(1, gateway, site, "晋城高铁东站 Jincheng HSR East", bdSeq, System.currentTimeMillis(), "0.1.0-test",
                Map.of("cn.taihang.store", "0.1.0", "cn.taihang.vehicle-counter", "0.2.0"),
                List.of(new Birth.DeviceEntry("lane-1", "vehicle-counter", "北向 northbound")), "https://127.0.0.1:8443/", "cfg-" + bdSeq);
    }

    void death(long bdSeq) throws MqttException {
        sendRaw(Topics.death(site, gateway), lifecycle.encodeDeath(new Death(1, gateway, bdSeq)));
    }

    List<Ack> acks() {
        if (!ackErrors.isEmpty()) {
            throw new AssertionError("undecodable acks: " + ackErrors);
        }
        return List.copyOf(acks);
    }

    Set<Long> ackedSeqs() {
        Set<Long> seqs = new TreeSet<>();
        for (Ack a : acks()) {
            for (long s : a.seqs()) {
                seqs.add(s);
            }
        }
        return seqs;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    /** Paho does not set TCP_NODELAY; without it each QoS 1 publish waits for delayed ACKs. */
    static final class NoDelaySocketFactory extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            Socket s = plain.createSocket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(plain.createSocket(address, port, localAddress, localPort));
        }

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }
    }
}
