package cn.taihang.bridge.fleet;

import cn.taihang.bridge.module.GatewayInfo;
import cn.taihang.bridge.module.Storage;
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
 * from. Each write is one statement that decides on the row as stored when it runs (a death that is older than the
 * latest birth changes nothing), so births and deaths handled side by side — on PostgreSQL, by several instances —
 * never undo each other; the online count is cached for the metrics gauge.
 */
public final class FleetStore {

    private static final String UPSERT_BIRTH = """
            INSERT INTO gateways (id, site, site_name, online, last_seen_ms, bd_seq, birth_ms, software, bundles_json, devices_json, console_url, config_hash)
            VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (id) DO UPDATE SET site = excluded.site, site_name = excluded.site_name, online = 1,
              last_seen_ms = CASE WHEN gateways.last_seen_ms > excluded.last_seen_ms THEN gateways.last_seen_ms ELSE excluded.last_seen_ms END,
              bd_seq = excluded.bd_seq, birth_ms = excluded.birth_ms,
              software = excluded.software, bundles_json = excluded.bundles_json, devices_json = excluded.devices_json,
              console_url = excluded.console_url, config_hash = excluded.config_hash""";
    /** Offline only if the death's bdSeq ($2) is at least the latest birth's; answers whether it was. */
    private static final String DEATH = """
            UPDATE gateways SET online = CASE WHEN bd_seq IS NULL OR bd_seq <= $2 THEN 0 ELSE online END,
              last_seen_ms = CASE WHEN last_seen_ms > $3 THEN last_seen_ms ELSE $3 END
            WHERE id = $1 RETURNING CASE WHEN bd_seq IS NULL OR bd_seq <= $2 THEN 1 ELSE 0 END""";
    private static final String SELECT_COLUMNS =
            "SELECT id, site, site_name, online, last_seen_ms, bd_seq, software, bundles_json, devices_json, console_url, config_hash FROM gateways";

    private final Pool writer;
    private final Pool reader;
    private final AtomicInteger online = new AtomicInteger();

    /** @param storage the bridge's database */
    public FleetStore(Storage storage) {
        this.writer = storage.writer();
        this.reader = storage.reader();
    }

    /** Records a birth: the gateway is online with what it reports. */
    public Future<Void> recordBirth(Birth birth, long receivedMillis) {
        JsonArray devices = new JsonArray();
        birth.devices().forEach(d -> devices.add(new JsonObject().put("id", d.id()).put("kind", d.kind()).put("description", d.description())));
        Tuple row = Tuple.of(birth.gateway(), birth.site(), birth.siteName(), receivedMillis, birth.bdSeq(), birth.timeMillis(), birth.software(),
                new JsonObject(new TreeMap<String, Object>(birth.bundles())).encode(), devices.encode(), birth.consoleUrl(), birth.configHash());
        return writer.withTransaction(conn -> conn.preparedQuery(UPSERT_BIRTH).execute(row)).compose(v -> refreshOnline());
    }

    /**
     * Records a death: offline only if its bdSeq is at least the latest birth's.
     *
     * @param site site id from the topic, for a gateway never seen before
     */
    public Future<DeathOutcome> recordDeath(String site, Death death, long receivedMillis) {
        Future<DeathOutcome> outcome = writer.withTransaction(conn -> conn.preparedQuery(DEATH)
                .execute(Tuple.of(death.gateway(), death.bdSeq(), receivedMillis)).compose(rows -> {
                    if (rows.size() == 0) {
                        return conn.preparedQuery("INSERT INTO gateways (id, site, online, last_seen_ms) VALUES ($1, $2, 0, $3) ON CONFLICT DO NOTHING")
                                .execute(Tuple.of(death.gateway(), site, receivedMillis)).map(DeathOutcome.UNKNOWN_GATEWAY);
                    }
                    return Future.succeededFuture(rows.iterator().next().getInteger(0) == 1 ? DeathOutcome.ACCEPTED : DeathOutcome.STALE);
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
