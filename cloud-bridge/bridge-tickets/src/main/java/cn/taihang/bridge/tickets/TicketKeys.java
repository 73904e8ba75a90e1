package cn.taihang.bridge.tickets;

import cn.taihang.bridge.module.ServiceException;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.TicketSigner;
import io.vertx.core.Future;
import cn.taihang.bridge.module.Storage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The bridge's ticket keys (table {@code ticket_keys}): exactly one ACTIVE key signs new tickets; rotation
 * makes a new active key and retires the old one (its tickets stay valid until they expire); withdrawing a
 * key voids every ticket it signed (gateways refuse them with KEY_WITHDRAWN) and, if it was active, makes a
 * new one. The key ring's version (in {@code ticket_meta}) grows with every change. Every change holds the lock
 * {@value #LOCK}, so two bridge instances starting at once on one PostgreSQL make one first key, not two.
 *
 * <p>Private keys are kept in the bridge database as hex: fine for the embedded bridge; a production
 * deployment keeps them in an HSM or KMS and signs there.
 */
final class TicketKeys {

    static final String VERSION = "keyring.version";
    static final String LOCK = "ticket-keys";
    private static final HexFormat HEX = HexFormat.of();

    private final Storage storage;
    private final Pool writer;
    private final SecureRandom random;
    private volatile TicketSigner signer;
    private volatile KeyRing ring = new KeyRing(0, List.of());

    TicketKeys(Storage storage, SecureRandom random) {
        this.storage = storage;
        this.writer = storage.writer();
        this.random = random;
    }

    /** Loads the keys, creating the first one on a fresh database. */
    Future<KeyRing> load(Instant now) {
        return writer.withTransaction(conn -> storage.lock(conn, LOCK).compose(v -> read(conn))
                .compose(keys -> keys.stream().anyMatch(k -> k.state().equals("ACTIVE")) ? Future.succeededFuture(keys)
                        : create(conn, keys, now).compose(v -> read(conn)))
                .compose(keys -> use(conn, keys)));
    }

    /** Makes a new active key; the old active one is retired. */
    Future<KeyRing> rotate(Instant now) {
        return writer.withTransaction(conn -> storage.lock(conn, LOCK).compose(locked -> conn.preparedQuery("UPDATE ticket_keys SET state = 'RETIRED', "
                + "changed = $1 WHERE state = 'ACTIVE'").execute(Tuple.of(now.toEpochMilli())).compose(v -> read(conn)).compose(keys -> create(conn, keys, now))
                .compose(v -> bump(conn)).compose(v -> read(conn)).compose(keys -> use(conn, keys))));
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
                        : create(conn, keys, now))
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

    /** A key as stored. */
    record StoredKey(int id, byte[] publicKey, String privateHex, String state, long created, long changed) {}

    private static Future<List<StoredKey>> read(SqlConnection conn) {
        return conn.query("SELECT id, public_key, private_key, state, created, changed FROM ticket_keys ORDER BY id").execute().map(rows -> {
            List<StoredKey> keys = new ArrayList<>();
            for (Row r : rows) {
                keys.add(new StoredKey(r.getInteger(0), HEX.parseHex(r.getString(1)), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5)));
            }
            return keys;
        });
    }

    private Future<Void> create(SqlConnection conn, List<StoredKey> existing, Instant now) {
        int id = existing.stream().mapToInt(StoredKey::id).max().orElse(0) + 1;
        if (id > 65535) {
            return Future.failedFuture(new IllegalStateException("all 65535 ticket key ids are used"));
        }
        byte[] privateKey = TicketSigner.newPrivateKey(random);
        TicketSigner fresh = new TicketSigner(id, privateKey);
        return conn.preparedQuery("INSERT INTO ticket_keys (id, public_key, private_key, state, created, changed) VALUES ($1, $2, $3, 'ACTIVE', $4, $5)")
                .execute(Tuple.of(id, HEX.formatHex(fresh.publicKey()), HEX.formatHex(privateKey), now.toEpochMilli(), now.toEpochMilli()))
                .compose(v -> bump(conn));
    }

    private static Future<Void> bump(SqlConnection conn) {
        return conn.preparedQuery("INSERT INTO ticket_meta (name, value) VALUES ($1, '1') ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(ticket_meta.value AS INTEGER) + 1 AS TEXT)")
                .execute(Tuple.of(VERSION)).mapEmpty();
    }

    private Future<KeyRing> use(SqlConnection conn, List<StoredKey> keys) {
        return conn.preparedQuery("SELECT value FROM ticket_meta WHERE name = $1").execute(Tuple.of(VERSION)).map(rows -> {
            long version = Long.parseLong(rows.iterator().next().getString(0));
            List<KeyRing.Key> ringKeys = new ArrayList<>();
            for (StoredKey k : keys) {
                ringKeys.add(new KeyRing.Key(k.id(), k.publicKey(), KeyRing.KeyState.valueOf(k.state())));
                if (k.state().equals("ACTIVE")) {
                    signer = new TicketSigner(k.id(), HEX.parseHex(k.privateHex()));
                }
            }
            ring = new KeyRing(version, ringKeys);
            return ring;
        });
    }
}
