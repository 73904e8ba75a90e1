package cn.taihang.bridge.broker;

import cn.taihang.bridge.commands.CommandKeys;
import cn.taihang.bridge.module.GatewayCommands;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.module.Storage;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.command.CommandKeyRotation;
import cn.taihang.wire.command.SealedBody;
import cn.taihang.wire.sign.SignatureAlgorithm;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Commands to gateways, in the wire format's signed {@link Command} envelope, over the bridge's MQTT connection. Before
 * the first command after a start (and right after a key rotation) the latest {@value CommandKeyRotation#COMMAND}
 * rotation goes to the broker, retained, so a gateway always hears of a new command key before the commands it signs.
 */
public final class BrokerCommands implements GatewayCommands {

    private final Supplier<BrokerConnection> connection;
    private final CommandKeys keys;
    private final Function<String, Future<byte[]>> sealingKeys;
    private final FleetPublications publications;
    private final CommandCodec codec = new CommandCodec();
    private final AtomicLong lastId = new AtomicLong();
    private Future<Void> rotationPublished;

    /**
     * @param connection the bridge's MQTT connection (looked up per command)
     * @param keys the command keys
     * @param sealingKeys a gateway id → its latest announced sealing public key, or {@code null} if none
     * @param storage the database where the versions of retained fleet commands are kept
     * @param shared whether this instance is one of a share group (a version already published is not published again)
     */
    public BrokerCommands(Supplier<BrokerConnection> connection, CommandKeys keys, Function<String, Future<byte[]>> sealingKeys, Storage storage,
                          boolean shared) {
        this.connection = connection;
        this.keys = keys;
        this.sealingKeys = sealingKeys;
        this.publications = new FleetPublications(storage, !shared);
    }

    @Override
    public Future<Long> send(String site, String gateway, String name, byte[] body, boolean retained, long ttlMillis) {
        return publish(Topics.command(site, gateway, name), name, gateway, null, body, retained, ttlMillis);
    }

    @Override
    public Future<Long> sendSealed(String site, String gateway, String name, byte[] body, boolean retained, long ttlMillis) {
        String topic = Topics.command(site, gateway, name);
        return sealingKeys.apply(gateway).compose(key -> key == null
                ? Future.failedFuture(ServiceException.conflict("gateway " + gateway + " has not announced a sealing key (no birth from it yet, "
                        + "or its software predates sealed commands); '" + name + "' is not sent in clear"))
                : publish(topic, name, gateway, key, body, retained, ttlMillis));
    }

    @Override
    public Future<Long> broadcast(String name, byte[] body, boolean retained, long ttlMillis) {
        return publish(Topics.fleetCommand(name), name, Command.FLEET, null, body, retained, ttlMillis);
    }

    @Override
    public Future<Long> broadcastRetained(String name, long version, byte[] body) {
        return publications.publishIfNewer(name, version, System.currentTimeMillis(), () -> broadcast(name, body, true, 0));
    }

    /**
     * Rotates the command key: a new key of that algorithm signs every later command, announced to every gateway by a
     * retained rotation command signed by the key it replaces.
     *
     * @return the anchor gateways hold after the rotation, once the broker has the rotation command
     */
    public Future<CommandAnchor> rotate(SignatureAlgorithm algorithm) {
        long now = System.currentTimeMillis();
        return keys.rotate(algorithm, nextId(now), now).compose(envelope -> {
            synchronized (this) {
                rotationPublished = connection.get().publishConfirmed(Topics.fleetCommand(CommandKeyRotation.COMMAND), envelope, true);
                return rotationPublished;
            }
        }).map(v -> keys.anchor());
    }

    private Future<Long> publish(String topic, String name, String target, byte[] sealTo, byte[] body, boolean retained, long ttlMillis) {
        return rotationPublished().compose(v -> {
            long now = System.currentTimeMillis();
            long id = nextId(now);
            byte[] payload = sealTo == null ? body : SealedBody.seal(sealTo, target, id, name, body);
            Command command = new Command(Command.VERSION, id, name, target, now, ttlMillis > 0 ? now + ttlMillis : 0, sealTo != null, payload);
            return connection.get().publishConfirmed(topic, codec.encode(command, keys.signer()), retained).map(id);
        });
    }

    private long nextId(long nowMillis) {
        return lastId.updateAndGet(previous -> Math.max(previous + 1, nowMillis * 1000));
    }

    private synchronized Future<Void> rotationPublished() {
        if (rotationPublished == null || rotationPublished.failed()) {
            byte[] rotation = keys.rotationCommand();
            rotationPublished = rotation == null ? Future.succeededFuture()
                    : connection.get().publishConfirmed(Topics.fleetCommand(CommandKeyRotation.COMMAND), rotation, true);
        }
        return rotationPublished;
    }
}
