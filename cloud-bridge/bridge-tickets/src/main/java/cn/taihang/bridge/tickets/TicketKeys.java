package cn.taihang.bridge.tickets;

import cn.taihang.bridge.module.ClearKeyMigration;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.module.SigningKeyStore;
import cn.taihang.bridge.module.Storage;
import cn.taihang.wire.sign.SignatureAlgorithm;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.TicketSigner;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's ticket keys (table {@code ticket_keys}): exactly one ACTIVE key signs new tickets; rotation
 * makes a new active key — Ed25519 (ids 1…32767) or SM2 with SM3 (ids 32769…65535), chosen per key — and retires the old
 * one (its tickets stay valid until they expire); withdrawing a key voids every ticket it signed (gateways refuse them
 * with KEY_WITHDRAWN) and, if it was active, makes a new one of the same algorithm. The key ring's version (in
 * {@code ticket_meta}) grows with every change. Every change holds the lock {@value #LOCK}, so two bridge instances
 * starting at once on one PostgreSQL make one first key, not two.
 *
 * <p>Private keys are kept as the {@link SigningKeyStore}'s handles (encrypted under the bridge's key file, or in an
 * HSM), never in clear; keys an earlier bridge stored in clear are encrypted in place at load, once.
 */
final class TicketKeys {

    static final String VERSION = "keyring.version";
    /** The label ticket keys are protected under. */
    static final String LABEL = "ticket-key";
    static final String LOCK = "ticket-keys";
    private static final Logger LOG = LoggerFactory.getLogger(TicketKeys.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Storage storage;
    private final Pool writer;
    private final SigningKeyStore store;
    private volatile TicketSigner signer;
    private volatile KeyRing ring = new KeyRing(0, List.of());

    TicketKeys(Storage storage, SigningKeyStore store) {
        this.storage = storage;
        this.writer = storage.writer();
        this.store = store;
    }

    /** Loads the keys, protecting any stored in clear and creating the first (Ed25519) one on a fresh database. */
    Future<KeyRing> load(Instant now) {
        return writer.withTransaction(conn -> storage.lock(conn, LOCK).compose(v -> read(conn)).compose(keys -> protectClear(conn, keys))
                .compose(keys -> keys.stream().anyMatch(k -> k.state().equals("ACTIVE"))
                        ? Future.succeededFuture(keys) : create(conn, keys, now, SignatureAlgorithm.ED25519).compose(v -> read(conn)))
                .compose(keys -> use(conn, keys)));
    }

    /** Makes a new active key of that algorithm; the old active one is retired. */
    Future<KeyRing> rotate(Instant now, SignatureAlgorithm algorithm) {
        return writer.withTransaction(conn -> storage.lock(conn, LOCK).compose(locked -> conn.preparedQuery("UPDATE ticket_keys SET state = 'RETIRED', "
                + "changed = $1 WHERE state = 'ACTIVE'").execute(Tuple.of(now.toEpochMilli())).compose(v -> read(conn))
                .compose(keys -> create(conn, keys, now, algorithm)).compose(v -> bump(conn)).compose(v -> read(conn)).compose(keys -> use(conn, keys))));
    }

    /**
     * Withdraws a key.
     *
     * @return fails with NOT_FOUND for an unknown key
     */
    Future<KeyRing> withdraw(int id, Instant now) {
        return writer.withTransaction(conn -> storage.lock(conn, LOCK).compose(locked -> conn.preparedQuery("UPDATE ticket_keys SET state = 'WITHDRAWN', "
                + "changed = $1 WHERE id = $2 AND state <> 'WITHDRAWN'").execute(Tuple.of(now.toEpochMilli(), id)).compose(rows -> rows.rowCount() == 1 ? read(conn)
                        : Future.failedFuture(ServiceException.notFound("no key " + id + " that is not withdrawn already; GET /api/v1/tickets/keys lists them")))
                .compose(keys -> keys.stream().anyMatch(k -> k.state().equals("ACTIVE")) ? Future.succeededFuture()
                        : create(conn, keys, now, SignatureAlgorithm.ofKeyId(id)))
                .compose(v -> bump(conn)).compose(v -> read(conn)).compose(keys -> use(conn, keys))));
    }

    /** @return the signer of the active key */
    TicketSigner signer() {
        return signer;
    }

    /** @return the key ring gateways get */
    KeyRing ring() {
        return ring;
    }

    /** A key as stored: its private key is the store's handle (or, from an earlier bridge, the clear key). */
    record StoredKey(int id, byte[] publicKey, byte[] privateKey, String state, long created, long changed) {}

    private static Future<List<StoredKey>> read(SqlConnection conn) {
        return conn.query("SELECT id, public_key, private_key, state, created, changed FROM ticket_keys ORDER BY id").execute().map(rows -> {
            List<StoredKey> keys = new ArrayList<>();
            for (Row r : rows) {
                keys.add(new StoredKey(r.getInteger(0), HEX.parseHex(r.getString(1)), HEX.parseHex(r.getString(2)), r.getString(3), r.getLong(4),
                        r.getLong(5)));
            }
            return keys;
        });
    }

    private Future<List<StoredKey>> protectClear(SqlConnection conn, List<StoredKey> keys) {
        Map<Integer, byte[]> stored = keys.stream().collect(Collectors.toMap(StoredKey::id, StoredKey::privateKey));
        return ClearKeyMigration.protectInPlace(conn, store, LABEL, "ticket_keys", stored).compose(n -> {
            if (n == 0) {
                return Future.succeededFuture(keys);
            }
            LOG.warn("{} ticket private key(s) were stored in clear in the database; encrypted in place ({})", n, store.description());
            return read(conn);
        });
    }

    private Future<Void> create(SqlConnection conn, List<StoredKey> existing, Instant now, SignatureAlgorithm algorithm) {
        int id = existing.stream().mapToInt(StoredKey::id).filter(k -> SignatureAlgorithm.ofKeyId(k) == algorithm).max().orElse(algorithm.firstKeyId()) + 1;
        if (id > algorithm.lastKeyId()) {
            return Future.failedFuture(new IllegalStateException("all " + algorithm.label() + " ticket key ids are used"));
        }
        SigningKeyStore.ProtectedKey fresh = store.generate(LABEL, id);
        return conn.preparedQuery("INSERT INTO ticket_keys (id, public_key, private_key, state, created, changed) VALUES ($1, $2, $3, 'ACTIVE', $4, $5)")
                .execute(Tuple.of(id, HEX.formatHex(fresh.publicKey()), HEX.formatHex(fresh.handle()), now.toEpochMilli(), now.toEpochMilli()))
                .compose(v -> bump(conn));
    }

    private static Future<Void> bump(SqlConnection conn) {
        return conn.preparedQuery("INSERT INTO ticket_meta (name, value) VALUES ($1, '1') ON CONFLICT (name) DO UPDATE SET value = "
                + "CAST(CAST(ticket_meta.value AS INTEGER) + 1 AS TEXT)")
                .execute(Tuple.of(VERSION)).mapEmpty();
    }

    private Future<KeyRing> use(SqlConnection conn, List<StoredKey> keys) {
        return conn.preparedQuery("SELECT value FROM ticket_meta WHERE name = $1").execute(Tuple.of(VERSION)).map(rows -> {
            long version = Long.parseLong(rows.iterator().next().getString(0));
            List<KeyRing.Key> ringKeys = new ArrayList<>();
            for (StoredKey k : keys) {
                ringKeys.add(new KeyRing.Key(k.id(), k.publicKey(), KeyRing.KeyState.valueOf(k.state())));
                if (k.state().equals("ACTIVE")) {
                    signer = new TicketSigner(store.open(LABEL, k.id(), k.privateKey()));
                }
            }
            ring = new KeyRing(version, ringKeys);
            return ring;
        });
    }
}
