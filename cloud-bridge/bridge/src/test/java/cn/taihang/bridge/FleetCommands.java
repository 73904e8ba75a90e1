package cn.taihang.bridge;

import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.Topics;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Listens to every fleet command the way a gateway does (retained ones arrive at once), decoding the envelopes. */
final class FleetCommands implements AutoCloseable {

    private final MqttClient client;
    private final CommandCodec codec = new CommandCodec();
    private final List<Command> received = new CopyOnWriteArrayList<>();

    FleetCommands(String brokerUrl) throws MqttException {
        client = new MqttClient(brokerUrl, "fleet-listener-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        client.subscribe(Topics.fleetCommandFilter(), 1, (topic, message) -> received.add(codec.decode(message.getPayload())));
    }

    /** @return the latest command of that name received */
    Optional<Command> latest(String name) {
        Command found = null;
        for (Command c : received) {
            if (c.name().equals(name) && (found == null || c.id() > found.id())) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
