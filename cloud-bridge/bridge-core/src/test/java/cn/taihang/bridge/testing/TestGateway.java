package cn.taihang.bridge.testing;

import cn.taihang.wire.Ack;
import cn.taihang.wire.BatchCodec;
import cn.taihang.wire.Birth;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The bridge tests' one MQTT test gateway: a gateway's MQTT side played by a Paho client. It publishes births, deaths
 * and data batches with the wire-format codecs, collects the bridge's acks, and receives the commands a gateway gets —
 * its own ({@code cmd/+}) and the fleet's, retained ones at once — decoding their envelopes.
 */
public final class TestGateway implements AutoCloseable {

    /** The gateway's site. */
    public final String site;
    /** The gateway's id. */
    public final String gateway;
    private final MqttClient client;
    private final BatchCodec batches = new BatchCodec();
    private final LifecycleCodec lifecycle = new LifecycleCodec();
    private final CommandCodec commandCodec = new CommandCodec();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<String> decodeErrors = new CopyOnWriteArrayList<>();

    /** Connects (clean session) and subscribes to its acks and commands. */
    public TestGateway(String brokerUrl, String site, String gateway) throws MqttException {
        this.site = site;
        this.gateway = gateway;
        client = new MqttClient(brokerUrl, "test-" + gateway + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(200);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options);
        client.subscribe(Topics.ack(site, gateway), 1, (topic, message) -> decoded("ack", () -> acks.add(batches.decodeAck(message.getPayload()))));
        client.subscribe(new String[] {Topics.commandFilter(site, gateway), Topics.fleetCommandFilter()}, new int[] {1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {this::command, this::command});
    }

    private void command(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
        decoded("command on " + topic, () -> commands.add(commandCodec.decode(message.getPayload())));
    }

    /** A decoding step that may refuse its input. */
    private interface Decoding {
        void run() throws Exception;
    }

    private void decoded(String what, Decoding decode) {
        try {
            decode.run();
        } catch (Exception e) {
            decodeErrors.add(what + ": " + e);
        }
    }

    /** Publishes a data batch of these records (QoS 1). */
    public void send(List<RecordFrame> records) throws MqttException {
        sendRaw(Topics.data(site, gateway), batches.encode(new DataBatch(gateway, records)));
    }

    /** Publishes any payload on any topic (QoS 1), for malformed input. */
    public void sendRaw(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    /** Publishes a birth ({@link #birthOf}). */
    public void birth(long bdSeq) throws MqttException {
        sendRaw(Topics.birth(site, gateway), lifecycle.encodeBirth(birthOf(bdSeq)));
    }

    /** Publishes this birth. */
    public void birth(Birth birth) throws MqttException {
        sendRaw(Topics.birth(site, gateway), lifecycle.encodeBirth(birth));
    }

    /** @return a birth of this gateway with one vehicle-counter lane */
    public Birth birthOf(long bdSeq) {
        return new Birth(1, gateway, site, "晋城高铁东站 Jincheng HSR East", bdSeq, System.currentTimeMillis(), "0.1.0-test",
                Map.of("cn.taihang.store", "0.1.0", "cn.taihang.vehicle-counter", "0.2.0"),
                List.of(new Birth.DeviceEntry("lane-1", "vehicle-counter", "北向 northbound")), "https://127.0.0.1:8443/", "cfg-" + bdSeq);
    }

    /** Publishes a death. */
    public void death(long bdSeq) throws MqttException {
        sendRaw(Topics.death(site, gateway), lifecycle.encodeDeath(new Death(1, gateway, bdSeq)));
    }

    /** @return the acks received; fails if one could not be decoded */
    public List<Ack> acks() {
        checkDecoded();
        return List.copyOf(acks);
    }

    /** @return every sequence number acknowledged so far */
    public Set<Long> ackedSeqs() {
        Set<Long> seqs = new TreeSet<>();
        for (Ack a : acks()) {
            for (long s : a.seqs()) {
                seqs.add(s);
            }
        }
        return seqs;
    }

    /** @return the commands received (this gateway's and the fleet's), in arrival order; fails if one could not be decoded */
    public List<Command> commands() {
        checkDecoded();
        return List.copyOf(commands);
    }

    /** @return the command of that name with the highest id received, if any */
    public Optional<Command> latestCommand(String name) {
        Command found = null;
        for (Command c : commands()) {
            if (c.name().equals(name) && (found == null || c.id() > found.id())) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return the body of the latest command of that name as UTF-8 text, if any */
    public Optional<String> latestCommandText(String name) {
        return latestCommand(name).map(c -> new String(c.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Receives the messages of a watched topic; may throw (Paho then drops the connection, and the test fails). */
    @FunctionalInterface
    public interface Listener {
        /** Handles one message. */
        void accept(String topic, byte[] payload) throws Exception;
    }

    /** Also hands every message on {@code filter} to {@code listener} (e.g. the bridge's retained state). */
    public void watch(String filter, Listener listener) throws MqttException {
        client.subscribe(filter, 1, (topic, message) -> listener.accept(topic, message.getPayload()));
    }

    private void checkDecoded() {
        if (!decodeErrors.isEmpty()) {
            throw new AssertionError("undecodable messages: " + decodeErrors);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    /** Paho does not set TCP_NODELAY; without it each QoS 1 publish waits for delayed ACKs. */
    public static final class NoDelaySocketFactory extends SocketFactory {
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
