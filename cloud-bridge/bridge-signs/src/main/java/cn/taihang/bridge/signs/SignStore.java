package cn.taihang.bridge.signs;

import cn.taihang.bridge.dispatch.port.HubNotice;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The signs tables: the latest status of each sign (with the PNG of what its panel confirmed showing), the messages
 * the bridge wants on each sign, car-park counts per day, active road-weather alarms and dispatch's hub notices. Writes run in the ingest
 * transaction (records) or in their own transaction on the writer connection.
 */
final class SignStore {

    static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS signs (id TEXT PRIMARY KEY, gateway TEXT NOT NULL, site TEXT NOT NULL, role TEXT NOT NULL,
              width INTEGER NOT NULL, height INTEGER NOT NULL, colour TEXT NOT NULL, large INTEGER NOT NULL, state TEXT NOT NULL,
              link INTEGER NOT NULL, multi TEXT NOT NULL, origin TEXT NOT NULL, source TEXT NOT NULL, priority INTEGER NOT NULL,
              activated_ms INTEGER, expires_ms INTEGER, pages INTEGER NOT NULL, brightness REAL, temperature REAL, ambient REAL,
              pixel_faults REAL, warnings TEXT, status_ms INTEGER NOT NULL, png TEXT, png_ms INTEGER)""", """
            CREATE TABLE IF NOT EXISTS sign_desired (sign TEXT PRIMARY KEY, gateway TEXT NOT NULL, site TEXT NOT NULL, multi TEXT NOT NULL,
              priority INTEGER NOT NULL, duration INTEGER NOT NULL, source TEXT NOT NULL, issued_ms INTEGER NOT NULL, expires_ms INTEGER)""", """
            CREATE TABLE IF NOT EXISTS sign_parking (area TEXT NOT NULL, day TEXT NOT NULL, inbound INTEGER NOT NULL, outbound INTEGER NOT NULL,
              PRIMARY KEY (area, day))""", """
            CREATE TABLE IF NOT EXISTS sign_road_alarms (gateway TEXT NOT NULL, id TEXT NOT NULL, site TEXT NOT NULL, kind TEXT NOT NULL,
              raised_ms INTEGER NOT NULL, PRIMARY KEY (gateway, id))""", """
            CREATE TABLE IF NOT EXISTS sign_hub_notices (site TEXT PRIMARY KEY, message_id TEXT NOT NULL, lines TEXT NOT NULL,
              priority INTEGER NOT NULL, valid_until_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL)""");

    private static final String UPSERT_STATUS = """
            INSERT INTO signs (id, gateway, site, role, width, height, colour, large, state, link, multi, origin, source, priority, activated_ms,
              expires_ms, pages, brightness, temperature, ambient, pixel_faults, warnings, status_ms, png, png_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET gateway = excluded.gateway, site = excluded.site, role = excluded.role, width = excluded.width,
              height = excluded.height, colour = excluded.colour, large = excluded.large, state = excluded.state, link = excluded.link,
              multi = excluded.multi, origin = excluded.origin, source = excluded.source, priority = excluded.priority,
              activated_ms = excluded.activated_ms, expires_ms = excluded.expires_ms, pages = excluded.pages,
              brightness = coalesce(excluded.brightness, brightness), temperature = coalesce(excluded.temperature, temperature),
              ambient = coalesce(excluded.ambient, ambient), pixel_faults = coalesce(excluded.pixel_faults, pixel_faults),
              warnings = excluded.warnings, status_ms = excluded.status_ms, png = coalesce(excluded.png, png), png_ms = coalesce(excluded.png_ms, png_ms)
            WHERE excluded.status_ms >= signs.status_ms""";

    private final Pool writer;
    private final Pool reader;

    SignStore(Pool writer, Pool reader) {
        this.writer = writer;
        this.reader = reader;
    }

    Future<Void> createTables() {
        return writer.withTransaction(tx -> {
            Future<RowSet<Row>> chain = Future.succeededFuture();
            for (String ddl : SCHEMA) {
                chain = chain.compose(v -> tx.query(ddl).execute());
            }
            return chain;
        }).mapEmpty();
    }

    /** Stores a status unless a newer one is stored already (historical records arrive late). */
    Future<Void> saveStatus(SqlConnection tx, SignStatus s) {
        String png = s.png() == null ? null : Base64.getEncoder().encodeToString(s.png());
        return tx.preparedQuery(UPSERT_STATUS).execute(Tuple.from(new Object[] {s.sign(), s.gateway(), s.site(), s.role(), s.width(), s.height(),
                s.colour(), s.large() ? 1 : 0, s.state(), s.link() ? 1 : 0, s.multi(), s.origin(), s.source(), s.priority(), s.activatedMillis(),
                s.expiresMillis(), s.pages(), s.brightness(), s.temperature(), s.ambient(), s.pixelFaults(), s.warnings(), s.timeMillis(), png,
                png == null ? null : s.timeMillis()})).mapEmpty();
    }

    Future<Void> addParking(SqlConnection tx, String area, String day, long in, long out) {
        return tx.preparedQuery("""
                INSERT INTO sign_parking (area, day, inbound, outbound) VALUES (?, ?, ?, ?)
                ON CONFLICT (area, day) DO UPDATE SET inbound = inbound + excluded.inbound, outbound = outbound + excluded.outbound""")
                .execute(Tuple.of(area, day, in, out)).mapEmpty();
    }

    Future<Void> roadAlarm(SqlConnection tx, String gateway, String id, String site, String kind, long raisedMillis, boolean raised) {
        return (raised
                ? tx.preparedQuery("INSERT OR REPLACE INTO sign_road_alarms (gateway, id, site, kind, raised_ms) VALUES (?, ?, ?, ?, ?)")
                        .execute(Tuple.of(gateway, id, site, kind, raisedMillis))
                : tx.preparedQuery("DELETE FROM sign_road_alarms WHERE gateway = ? AND id = ?").execute(Tuple.of(gateway, id))).mapEmpty();
    }

    /**
     * A sign's latest status as stored.
     *
     * @param status the status, with the image of the latest status that carried one (or {@code null})
     * @param imageMillis when that image was reported, or {@code null}
     */
    record StoredSign(SignStatus status, Long imageMillis) {}

    /**
     * A sign's desired message.
     *
     * @param expiresMillis when it ends, or {@code null} for until replaced
     */
    record Desired(String sign, String gateway, String site, String multi, int priority, int duration, String source, Instant issued,
                   Long expiresMillis) {}

    /** An active road-weather alarm at a site. */
    record RoadAlarm(String site, String kind) {}

    /** @return every sign with a status, by id */
    Future<List<StoredSign>> statuses() {
        return reader.query("SELECT * FROM signs ORDER BY id").execute().map(rows -> {
            List<StoredSign> list = new ArrayList<>();
            rows.forEach(r -> list.add(sign(r)));
            return list;
        });
    }

    /** @return the sign's status, or {@code null} */
    Future<StoredSign> status(String id) {
        return reader.preparedQuery("SELECT * FROM signs WHERE id = ?").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : sign(rows.iterator().next()));
    }

    private static StoredSign sign(Row r) {
        String png = r.getString("png");
        Double pixelFaults = r.getDouble("pixel_faults");
        return new StoredSign(new SignStatus(r.getString("id"), r.getString("gateway"), r.getString("site"), r.getLong("status_ms"), r.getString("state"),
                r.getInteger("link") != 0, r.getString("role"), r.getString("multi"), r.getString("origin"), r.getString("source"), r.getInteger("priority"),
                r.getLong("activated_ms"), r.getLong("expires_ms"), r.getInteger("width"), r.getInteger("height"), r.getString("colour"),
                r.getInteger("large") != 0, r.getInteger("pages"), r.getDouble("brightness"), r.getDouble("temperature"), r.getDouble("ambient"),
                pixelFaults, r.getString("warnings"), png == null ? null : Base64.getDecoder().decode(png)), r.getLong("png_ms"));
    }

    Future<Integer> parkingOccupied(String area, String day) {
        return reader.preparedQuery("SELECT inbound - outbound FROM sign_parking WHERE area = ? AND day = ?").execute(Tuple.of(area, day))
                .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0));
    }

    /** @return the active road-weather alarms, newest first */
    Future<List<RoadAlarm>> roadAlarms() {
        return reader.query("SELECT site, kind FROM sign_road_alarms ORDER BY raised_ms DESC").execute().map(rows -> {
            List<RoadAlarm> list = new ArrayList<>();
            rows.forEach(r -> list.add(new RoadAlarm(r.getString(0), r.getString(1))));
            return list;
        });
    }

    /** Keeps dispatch's latest notice for a hub (replacing the one before). */
    Future<Void> saveNotice(String site, String messageId, List<HubNotice.Line> lines, int priority, Instant validUntil, Instant received) {
        JsonArray column = new JsonArray();
        lines.forEach(l -> column.add(new JsonObject().put("zh", l.zh()).put("en", l.en())));
        return writer.withTransaction(tx -> tx.preparedQuery("INSERT OR REPLACE INTO sign_hub_notices VALUES (?, ?, ?, ?, ?, ?)")
                .execute(Tuple.of(site, messageId, column.encode(), priority, validUntil.toEpochMilli(), received.toEpochMilli()))).mapEmpty();
    }

    /** @return the hub's notice still valid at {@code now}, or {@code null} */
    Future<HubNotice> notice(String site, Instant now) {
        return reader.preparedQuery("SELECT * FROM sign_hub_notices WHERE site = ? AND valid_until_ms > ?").execute(Tuple.of(site, now.toEpochMilli()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    List<HubNotice.Line> lines = new JsonArray(r.getString("lines")).stream().map(JsonObject.class::cast)
                            .map(l -> new HubNotice.Line(l.getString("zh", ""), l.getString("en", ""))).toList();
                    return new HubNotice(r.getString("site"), r.getString("message_id"), lines, r.getInteger("priority"),
                            Instant.ofEpochMilli(r.getLong("valid_until_ms")));
                });
    }

    /** @return the desired message of a sign, or {@code null} */
    Future<Desired> desired(String sign) {
        return reader.preparedQuery("SELECT * FROM sign_desired WHERE sign = ?").execute(Tuple.of(sign))
                .map(rows -> rows.size() == 0 ? null : desired(rows.iterator().next()));
    }

    private static Desired desired(Row r) {
        return new Desired(r.getString("sign"), r.getString("gateway"), r.getString("site"), r.getString("multi"), r.getInteger("priority"),
                r.getInteger("duration"), r.getString("source"), Instant.ofEpochMilli(r.getLong("issued_ms")), r.getLong("expires_ms"));
    }

    /** Sets a sign's desired message and returns every unexpired desired message of its gateway, for the command. */
    Future<List<Desired>> setDesired(String sign, String gateway, String site, String multi, int priority, int duration, String source, Instant issued,
                                     Long expiresMillis) {
        return writer.withTransaction(tx -> tx.preparedQuery("INSERT OR REPLACE INTO sign_desired VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .execute(Tuple.from(new Object[] {sign, gateway, site, multi, priority, duration, source, issued.toEpochMilli(), expiresMillis}))
                .compose(v -> tx.preparedQuery("SELECT * FROM sign_desired WHERE gateway = ? AND (expires_ms IS NULL OR expires_ms > ?) ORDER BY sign")
                        .execute(Tuple.of(gateway, issued.toEpochMilli())))
                .map(rows -> {
                    List<Desired> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(desired(r)));
                    return entries;
                }));
    }

}
