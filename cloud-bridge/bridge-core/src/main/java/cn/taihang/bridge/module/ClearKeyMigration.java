package cn.taihang.bridge.module;

import cn.taihang.wire.sign.SigningKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.HexFormat;
import java.util.Map;

/**
 * Encrypts in place the private keys an earlier bridge stored in clear in a key table (columns {@code id} and
 * {@code private_key}, hex), with the {@link SigningKeyStore}: after it the table holds handles only.
 */
public final class ClearKeyMigration {

    private static final HexFormat HEX = HexFormat.of();

    private ClearKeyMigration() {
    }

    /**
     * @param conn the connection of the transaction that read the keys (under the table's lock)
     * @param label the keys' label in the store (e.g. {@code ticket-key})
     * @param table the key table, a constant of the module's schema
     * @param storedById each key's id → what its {@code private_key} holds
     * @return how many keys were in clear and are now encrypted; fails with the database's error
     */
    public static Future<Integer> protectInPlace(SqlConnection conn, SigningKeyStore store, String label, String table, Map<Integer, byte[]> storedById) {
        Future<Integer> chain = Future.succeededFuture(0);
        for (Map.Entry<Integer, byte[]> key : storedById.entrySet()) {
            if (SigningKeyStore.isClear(key.getValue())) {
                byte[] handle = store.protect(label, SigningKey.of(key.getKey(), key.getValue())).handle();
                chain = chain.compose(n -> conn.preparedQuery("UPDATE " + table + " SET private_key = $1 WHERE id = $2")
                        .execute(Tuple.of(HEX.formatHex(handle), key.getKey())).map(rows -> n + 1));
            }
        }
        return chain;
    }
}
