package cn.taihang.bridge.broker;

import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.Topics;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Commands to gateways, in the wire format's {@link Command} envelope, over the bridge's MQTT connection. */
public final class BrokerCommands implements GatewayCommands {

    private final Supplier<BrokerConnection> connection;
    private final CommandCodec codec = new CommandCodec();
    private final AtomicLong lastId = new AtomicLong();

    /** @param connection the bridge's MQTT connection (looked up per command) */
    public BrokerCommands(Supplier<BrokerConnection> connection) {
        this.connection = connection;
    }

    @Override
    public Future<Long> send(String site, String gateway, String name, byte[] body, boolean retained, long ttlMillis) {
        return publish(Topics.command(site, gateway, name), name, body, retained, ttlMillis);
    }

    @Override
    public Future<Long> broadcast(String name, byte[] body, boolean retained, long ttlMillis) {
        return publish(Topics.fleetCommand(name), name, body, retained, ttlMillis);
    }

    private Future<Long> publish(String topic, String name, byte[] body, boolean retained, long ttlMillis) {
        long now = System.currentTimeMillis();
        long id = lastId.updateAndGet(previous -> Math.max(previous + 1, now * 1000));
        Command command = new Command(1, id, name, now, ttlMillis > 0 ? now + ttlMillis : 0, body);
        return connection.get().publishConfirmed(topic, codec.encode(command), retained).map(v -> id);
    }
}
