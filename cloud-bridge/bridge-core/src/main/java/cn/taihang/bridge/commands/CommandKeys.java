package cn.taihang.bridge.commands;

import cn.taihang.bridge.module.ClearKeyMigration;
import cn.taihang.bridge.module.SigningKeyStore;
import cn.taihang.bridge.module.Storage;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.command.CommandKeyRotation;
import cn.taihang.wire.sign.SignatureAlgorithm;
import cn.taihang.wire.sign.Signer;
import cn.taihang.wire.sign.VerifyingKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's command keys (table {@code command_keys}), a key set of their own: exactly one ACTIVE key signs every
 * command; a rotation makes a new ACTIVE key (Ed25519 or SM2) and retires the old one, and is itself a signed fleet
 * command ({@value CommandKeyRotation#COMMAND}, signed by the old key), stored with the new key so that the very same
 * bytes can be put on the broker again after a restart. Private keys go through the {@link SigningKeyStore}; keys a
 * store did not protect yet are protected in place, once. Every change holds the lock {@value #LOCK} (bridge instances
 * sharing one PostgreSQL make one first key). Thread-safe.
 */
public final class CommandKeys {

    /** The label command keys are protected under. */
    public static final String LABEL = "command-key";
    static final String LOCK = "command-keys";
    private static final Logger LOG = LoggerFactory.getLogger(CommandKeys.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Storage storage;
    private final Pool writer;
    private final SigningKeyStore store;
    private final CommandCodec codec = new CommandCodec();
    private volatile State state;

    /** What signs now, what gateways trust, and the latest rotation command. */
    private record State(Signer signer, CommandAnchor anchor, byte[] rotation) {}

    private record Stored(int id, byte[] publicKey, byte[] privateKey, String state, Long rotationId, String rotation) {}

    /**
     * @param storage the bridge's database
     * @param store where the private keys are protected
     */
    public CommandKeys(Storage storage, SigningKeyStore store) {
        this.storage = storage;
        this.writer = storage.writer();
        this.store = store;
    }

    /**
     * Loads the keys, making the first one (Ed25519, id 1) on a fresh database.
     *
     * @return fails if a key does not open with the store (the message says which and why)
     */
    public Future<Void> load(long nowMillis) {
        return writer.withTransaction(conn -> storage.lock(conn, LOCK).compose(v -> read(conn)).compose(keys -> keys.stream().anyMatch(k -> k.state().equals("ACTIVE"))
                ? Future.succeededFuture(keys)
                : insert(conn, store.generate(LABEL, SignatureAlgorithm.ED25519.firstKeyId() + 1), null, null, nowMillis).compose(v -> read(conn)))
                .compose(keys -> protectClear(conn, keys)))
                .map(keys -> {
                    use(keys);
                    LOG.info("command key {} ({}) signs every command; keys protected by {}", state.signer().keyId(), state.signer().algorithm().label(),
                            store.description());
                    return null;
                });
    }

    /** @return the key that signs commands now */
    public Signer signer() {
        return state().signer();
    }

    /** @return the command keys gateways are to trust: the current one, and the one before it for older commands */
    public CommandAnchor anchor() {
        return state().anchor();
    }

    /** @return the envelope of the latest rotation (signed by the key before the current one), or {@code null} if none */
    public byte[] rotationCommand() {
        byte[] rotation = state().rotation();
        return rotation == null ? null : rotation.clone();
    }

    /**
     * Makes a new key of that algorithm the signing key and retires the current one.
     *
     * @param commandId the id of the rotation command (from the command sender's sequence)
     * @return the rotation command's envelope, signed by the key that was current
     */
    public Future<byte[]> rotate(SignatureAlgorithm algorithm, long commandId, long nowMillis) {
        State before = state();
        return writer.withTransaction(conn -> storage.lock(conn, LOCK).compose(v -> read(conn)).compose(keys -> {
            int id = keys.stream().mapToInt(Stored::id).filter(k -> SignatureAlgorithm.ofKeyId(k) == algorithm).max().orElse(algorithm.firstKeyId()) + 1;
            if (id > algorithm.lastKeyId()) {
                return Future.failedFuture(new IllegalStateException("every " + algorithm.label() + " command key id is used"));
            }
            SigningKeyStore.ProtectedKey next = store.generate(LABEL, id);
            Command rotation = Command.of(commandId, CommandKeyRotation.COMMAND, Command.FLEET, nowMillis, 0,
                    new CommandKeyRotation(VerifyingKey.of(id, next.publicKey())).encode());
            byte[] envelope = codec.encode(rotation, before.signer());
            return conn.preparedQuery("UPDATE command_keys SET state = 'RETIRED', changed_ms = $1 WHERE state = 'ACTIVE'").execute(Tuple.of(nowMillis))
                    .compose(v -> insert(conn, next, commandId, envelope, nowMillis))
                    .compose(v -> read(conn))
                    .map(all -> {
                        use(all);
                        LOG.info("command key rotated: key {} ({}) signs from command #{} on; key {} is retired", id, algorithm.label(), commandId,
                                before.signer().keyId());
                        return envelope;
                    });
        }));
    }

    private State state() {
        State s = state;
        if (s == null) {
            throw new IllegalStateException("the command keys are not loaded yet");
        }
        return s;
    }

    private static Future<List<Stored>> read(SqlConnection conn) {
        return conn.query("SELECT id, public_key, private_key, state, rotation_id, rotation_command FROM command_keys ORDER BY id").execute().map(rows -> {
            List<Stored> keys = new ArrayList<>();
            for (Row r : rows) {
                keys.add(new Stored(r.getInteger(0), HEX.parseHex(r.getString(1)), HEX.parseHex(r.getString(2)), r.getString(3), r.getLong(4),
                        r.getString(5)));
            }
            return keys;
        });
    }

    private static Future<Void> insert(SqlConnection conn, SigningKeyStore.ProtectedKey key, Long rotationId, byte[] rotation, long nowMillis) {
        return conn.preparedQuery("INSERT INTO command_keys (id, public_key, private_key, state, created_ms, changed_ms, rotation_id, rotation_command) "
                        + "VALUES ($1, $2, $3, 'ACTIVE', $4, $5, $6, $7)")
                .execute(Tuple.tuple(List.of(key.keyId(), HEX.formatHex(key.publicKey()), HEX.formatHex(key.handle()), nowMillis, nowMillis))
                        .addValue(rotationId).addValue(rotation == null ? null : HEX.formatHex(rotation)))
                .mapEmpty();
    }

    private Future<List<Stored>> protectClear(SqlConnection conn, List<Stored> keys) {
        Map<Integer, byte[]> stored = keys.stream().collect(Collectors.toMap(Stored::id, Stored::privateKey));
        return ClearKeyMigration.protectInPlace(conn, store, LABEL, "command_keys", stored).compose(n -> {
            if (n == 0) {
                return Future.succeededFuture(keys);
            }
            LOG.warn("{} command key(s) were stored in clear; encrypted in place ({})", n, store.description());
            return read(conn);
        });
    }

    private void use(List<Stored> keys) {
        Stored active = keys.stream().filter(k -> k.state().equals("ACTIVE")).reduce((a, b) -> b).orElseThrow();
        Signer signer = store.open(LABEL, active.id(), active.privateKey());
        VerifyingKey current = VerifyingKey.of(active.id(), active.publicKey());
        Stored before = active.rotationId() == null ? null : rotatedFrom(keys, active).orElse(null);
        CommandAnchor anchor = before == null ? CommandAnchor.of(current)
                : new CommandAnchor(current, VerifyingKey.of(before.id(), before.publicKey()), active.rotationId());
        state = new State(signer, anchor, active.rotation() == null ? null : HEX.parseHex(active.rotation()));
    }

    /** @return the key that was active just before {@code active}: the retired key changed most recently before it */
    private static java.util.Optional<Stored> rotatedFrom(List<Stored> keys, Stored active) {
        return keys.stream().filter(k -> k != active && k.state().equals("RETIRED"))
                .max(java.util.Comparator.comparingLong(k -> k.rotationId() == null ? 0 : k.rotationId()));
    }
}
