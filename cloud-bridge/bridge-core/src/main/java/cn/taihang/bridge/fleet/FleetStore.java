package cn.taihang.bridge.fleet;

import cn.taihang.bridge.module.GatewayInfo;
import cn.taihang.wire.Birth;
import cn.taihang.wire.Death;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateways table: what each gateway said in its latest birth, whether it is online, when it was last heard
 * from. Writes go through the single writer connection, each in an explicit transaction (see {@code BridgeDatabase});
 * the online count is cached for the metrics gauge.
 */
public final class FleetStore {

    private static final String UPSERT_BIRTH = """
            INSERT INTO gateways (id, site, site_name, online, last_seen_ms, bd_seq, birth_ms, software, bundles_json, devices_json, console_url, config_hash)
            VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET site = excluded.site, site_name = excluded.site_name, online = 1,
              last_seen_ms = max(last_seen_ms, excluded.last_seen_ms), bd_seq = excluded.bd_seq, birth_ms = excluded.birth_ms,
              software = excluded.software, bundles_json = excluded.bundles_json, devices_json = excluded.devices_json,
              console_url = excluded.console_url, config_hash = excluded.config_hash""";
    private static final String SELECT_COLUMNS =
            "SELECT id, site, site_name, online, last_seen_ms, bd_seq, software, bundles_json, devices_json, console_url, config_hash FROM gateways";

    private final Pool writer;
    private final Pool reader;
    private final AtomicInteger online = new AtomicInteger();

    /**
     * @param writer the single writer connection's pool
     * @param reader read-only connections
     */
    public FleetStore(Pool writer, Pool reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** Records a birth: the gateway is online with what it reports. */
    public Future<Void> recordBirth(Birth birth, long receivedMillis) {
        JsonArray devices = new JsonArray();
        birth.devices().forEach(d -> devices.add(new JsonObject().put("id", d.id()).put("kind", d.kind()).put("description", d.description())));
        Tuple row = Tuple.of(birth.gateway(), birth.site(), birth.siteName(), receivedMillis, birth.bdSeq(), birth.timeMillis(), birth.software(),
                new JsonObject(new TreeMap<String, Object>(birth.bundles())).encode(), devices.encode(), birth.consoleUrl(), birth.configHash());
        byte[] sealingKey = birth.sealingKey();
        return writer.withTransaction(conn -> conn.preparedQuery(UPSERT_BIRTH).execute(row).compose(v -> sealingKey == null ? Future.succeededFuture()
                : conn.preparedQuery("INSERT INTO gateway_sealing_keys (gateway, public_key, announced_ms) VALUES (?, ?, ?) ON CONFLICT (gateway) "
                        + "DO UPDATE SET public_key = excluded.public_key, announced_ms = excluded.announced_ms")
                        .execute(Tuple.of(birth.gateway(), java.util.HexFormat.of().formatHex(sealingKey), receivedMillis))))
                .compose(v -> refreshOnline());
    }

    /**
     * @return the X25519 sealing public key the gateway announced in its latest birth that had one, or {@code null}; fails
     *     only if the database cannot be read
     */
    public Future<byte[]> sealingKey(String gateway) {
        return reader.preparedQuery("SELECT public_key FROM gateway_sealing_keys WHERE gateway = ?").execute(Tuple.of(gateway))
                .map(rows -> rows.size() == 0 ? null : java.util.HexFormat.of().parseHex(rows.iterator().next().getString(0)));
    }

    /**
     * Records a death: offline only if its bdSeq is at least the latest birth's.
     *
     * @param site site id from the topic, for a gateway never seen before
     */
    public Future<DeathOutcome> recordDeath(String site, Death death, long receivedMillis) {
        Future<DeathOutcome> outcome = writer.withTransaction(conn -> conn.preparedQuery("SELECT bd_seq FROM gateways WHERE id = ?")
                .execute(Tuple.of(death.gateway())).compose(rows -> {
                    if (rows.size() == 0) {
                        return conn.preparedQuery("INSERT INTO gateways (id, site, online, last_seen_ms) VALUES (?, ?, 0, ?)")
                                .execute(Tuple.of(death.gateway(), site, receivedMillis)).map(DeathOutcome.UNKNOWN_GATEWAY);
                    }
                    Long birthBdSeq = rows.iterator().next().getLong(0);
                    boolean current = birthBdSeq == null || death.bdSeq() >= birthBdSeq;
                    String sql = current
                            ? "UPDATE gateways SET online = 0, last_seen_ms = max(last_seen_ms, ?) WHERE id = ?"
                            : "UPDATE gateways SET last_seen_ms = max(last_seen_ms, ?) WHERE id = ?";
                    return conn.preparedQuery(sql).execute(Tuple.of(receivedMillis, death.gateway()))
                            .map(current ? DeathOutcome.ACCEPTED : DeathOutcome.STALE);
                }));
        return outcome.compose(o -> refreshOnline().map(o));
    }

    /**
     * Marks every gateway offline. Used when the bridge starts its own broker: no gateway session survived the
     * restart, and each gateway sends a new birth when it reconnects.
     */
    public Future<Void> markAllOffline() {
        return writer.withTransaction(conn -> conn.query("UPDATE gateways SET online = 0 WHERE online <> 0").execute()).compose(v -> refreshOnline());
    }

    /** @return every gateway, ordered by id */
    public Future<List<GatewayInfo>> list() {
        return reader.query(SELECT_COLUMNS + " ORDER BY id").execute().map(rows -> {
            List<GatewayInfo> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(gateway(row));
            }
            return items;
        });
    }

    /** @return gateways online, as of the latest lifecycle change */
    public int onlineCount() {
        return online.get();
    }

    private Future<Void> refreshOnline() {
        return reader.query("SELECT count(*) FROM gateways WHERE online <> 0").execute()
                .map(rows -> {
                    online.set(rows.iterator().next().getInteger(0));
                    return null;
                });
    }

    private static GatewayInfo gateway(Row row) {
        Map<String, String> bundles = new TreeMap<>();
        new JsonObject(row.getString("bundles_json")).forEach(e -> bundles.put(e.getKey(), String.valueOf(e.getValue())));
        List<GatewayInfo.Device> devices = new JsonArray(row.getString("devices_json")).stream().map(JsonObject.class::cast)
                .map(d -> new GatewayInfo.Device(d.getString("id"), d.getString("kind"), d.getString("description"))).toList();
        return new GatewayInfo(row.getString("id"), row.getString("site"), row.getString("site_name"), row.getInteger("online") != 0,
                Instant.ofEpochMilli(row.getLong("last_seen_ms")), row.getLong("bd_seq"), row.getString("software"), bundles, devices,
                row.getString("console_url"), row.getString("config_hash"));
    }
}
