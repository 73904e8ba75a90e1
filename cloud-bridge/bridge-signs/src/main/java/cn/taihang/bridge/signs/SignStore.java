package cn.taihang.bridge.signs;

import cn.taihang.bridge.dispatch.port.HubNotice;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import cn.taihang.bridge.module.Storage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The signs tables: the latest status of each sign (with the PNG of what its panel confirmed showing), the messages
 * the bridge wants on each sign, car-park counts per day, active road-weather alarms and dispatch's hub notices. Writes run in the ingest
 * transaction (records) or in their own transaction on the writer connection.
 */
final class SignStore {

    private static final String UPSERT_DESIRED = """
            INSERT INTO sign_desired (sign, gateway, site, multi, priority, duration, source, issued_ms, expires_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (sign) DO UPDATE SET gateway = excluded.gateway, site = excluded.site, multi = excluded.multi, priority = excluded.priority,
              duration = excluded.duration, source = excluded.source, issued_ms = excluded.issued_ms, expires_ms = excluded.expires_ms""";
    private static final String UPSERT_STATUS = """
            INSERT INTO signs (id, gateway, site, role, width, height, colour, large, state, link, multi, origin, source, priority, activated_ms,
              expires_ms, pages, warnings, status_ms, status_seq)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
            ON CONFLICT (id) DO UPDATE SET gateway = excluded.gateway, site = excluded.site, role = excluded.role, width = excluded.width,
              height = excluded.height, colour = excluded.colour, large = excluded.large, state = excluded.state, link = excluded.link,
              multi = excluded.multi, origin = excluded.origin, source = excluded.source, priority = excluded.priority,
              activated_ms = excluded.activated_ms, expires_ms = excluded.expires_ms, pages = excluded.pages,
              warnings = excluded.warnings, status_ms = excluded.status_ms, status_seq = excluded.status_seq
            WHERE (excluded.status_ms, excluded.gateway, excluded.status_seq) > (signs.status_ms, signs.gateway, signs.status_seq)""";
    /** Brightness, temperature, ambient light and pixel faults come together; a status without them keeps the newest ones known. */
    private static final String NEWER_READINGS = """
            UPDATE signs SET brightness = $2, temperature = $3, ambient = $4, pixel_faults = $5, readings_ms = $6, readings_seq = $7
            WHERE id = $1 AND (readings_ms IS NULL OR ($6, $7) > (readings_ms, readings_seq))""";
    /** The image of the newest status that carried one. */
    private static final String NEWER_PNG = """
            UPDATE signs SET png = $2, png_ms = $3, png_seq = $4 WHERE id = $1 AND (png_ms IS NULL OR ($3, $4) > (png_ms, png_seq))""";
    private static final String ROAD_ALARM = """
            INSERT INTO sign_road_alarms (gateway, id, site, kind, raised_ms, active, event_ms, event_seq) VALUES ($1, $2, $3, $4, $5, $6, $5, $7)
            ON CONFLICT (gateway, id) DO UPDATE SET site = excluded.site, kind = excluded.kind, active = excluded.active,
              raised_ms = CASE WHEN excluded.active = 1 THEN excluded.raised_ms ELSE sign_road_alarms.raised_ms END,
              event_ms = excluded.event_ms, event_seq = excluded.event_seq
            WHERE (excluded.event_ms, excluded.event_seq) > (sign_road_alarms.event_ms, sign_road_alarms.event_seq)""";

    private final Storage storage;
    private final Pool writer;
    private final Pool reader;

    SignStore(Storage storage) {
        this.storage = storage;
        this.writer = storage.writer();
        this.reader = storage.reader();
    }

    /**
     * Stores a status unless a newer one (by record time, gateway, seq) is stored already: historical records and
     * resent batches arrive late. Its readings and its image are kept if they are the newest known, each on its own.
     */
    Future<Void> saveStatus(SqlConnection tx, SignStatus s, long seq) {
        Future<Void> saved = tx.preparedQuery(UPSERT_STATUS).execute(Tuple.from(new Object[] {s.sign(), s.gateway(), s.site(), s.role(), s.width(),
                s.height(), s.colour(), s.large() ? 1 : 0, s.state(), s.link() ? 1 : 0, s.multi(), s.origin(), s.source(), s.priority(),
                s.activatedMillis(), s.expiresMillis(), s.pages(), s.warnings(), s.timeMillis(), seq})).mapEmpty();
        if (s.brightness() != null || s.temperature() != null || s.ambient() != null || s.pixelFaults() != null) {
            Tuple readings = Tuple.from(Arrays.asList(s.sign(), s.brightness(), s.temperature(), s.ambient(), s.pixelFaults(), s.timeMillis(), seq));
            saved = saved.compose(v -> tx.preparedQuery(NEWER_READINGS).execute(readings).mapEmpty());
        }
        if (s.png() != null) {
            Tuple png = Tuple.of(s.sign(), Base64.getEncoder().encodeToString(s.png()), s.timeMillis(), seq);
            saved = saved.compose(v -> tx.preparedQuery(NEWER_PNG).execute(png).mapEmpty());
        }
        return saved;
    }

    Future<Void> addParking(SqlConnection tx, String area, String day, long in, long out) {
        return tx.preparedQuery("""
                INSERT INTO sign_parking (area, day, inbound, outbound) VALUES ($1, $2, $3, $4)
                ON CONFLICT (area, day) DO UPDATE SET inbound = sign_parking.inbound + excluded.inbound, outbound = sign_parking.outbound + excluded.outbound""")
                .execute(Tuple.of(area, day, in, out)).mapEmpty();
    }

    /**
     * Raises or clears a road-weather alarm unless a newer event (by record time, seq) of the same alarm is applied
     * already: a cleared alarm is kept as inactive, so its raise arriving late changes nothing.
     */
    Future<Void> roadAlarm(SqlConnection tx, String gateway, String id, String site, String kind, long eventMillis, long seq, boolean raised) {
        return tx.preparedQuery(ROAD_ALARM).execute(Tuple.of(gateway, id, site, kind, eventMillis, raised ? 1 : 0, seq)).mapEmpty();
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
        return reader.preparedQuery("SELECT * FROM signs WHERE id = $1").execute(Tuple.of(id))
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
        return reader.preparedQuery("SELECT inbound - outbound FROM sign_parking WHERE area = $1 AND day = $2").execute(Tuple.of(area, day))
                .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0));
    }

    /** @return the active road-weather alarms, newest first */
    Future<List<RoadAlarm>> roadAlarms() {
        return reader.query("SELECT site, kind FROM sign_road_alarms WHERE active = 1 ORDER BY raised_ms DESC, gateway, id").execute().map(rows -> {
            List<RoadAlarm> list = new ArrayList<>();
            rows.forEach(r -> list.add(new RoadAlarm(r.getString(0), r.getString(1))));
            return list;
        });
    }

    /** Keeps dispatch's latest notice for a hub (replacing the one before). */
    Future<Void> saveNotice(String site, String messageId, List<HubNotice.Line> lines, int priority, Instant validUntil, Instant received) {
        JsonArray column = new JsonArray();
        lines.forEach(l -> column.add(new JsonObject().put("zh", l.zh()).put("en", l.en())));
        return writer.withTransaction(tx -> tx.preparedQuery("INSERT INTO sign_hub_notices (site, message_id, lines, priority, valid_until_ms, "
                + "received_ms) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (site) DO UPDATE SET message_id = excluded.message_id, lines = excluded.lines, "
                + "priority = excluded.priority, valid_until_ms = excluded.valid_until_ms, received_ms = excluded.received_ms")
                .execute(Tuple.of(site, messageId, column.encode(), priority, validUntil.toEpochMilli(), received.toEpochMilli()))).mapEmpty();
    }

    /** @return the hub's notice still valid at {@code now}, or {@code null} */
    Future<HubNotice> notice(String site, Instant now) {
        return reader.preparedQuery("SELECT * FROM sign_hub_notices WHERE site = $1 AND valid_until_ms > $2").execute(Tuple.of(site, now.toEpochMilli()))
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
        return reader.preparedQuery("SELECT * FROM sign_desired WHERE sign = $1").execute(Tuple.of(sign))
                .map(rows -> rows.size() == 0 ? null : desired(rows.iterator().next()));
    }

    private static Desired desired(Row r) {
        return new Desired(r.getString("sign"), r.getString("gateway"), r.getString("site"), r.getString("multi"), r.getInteger("priority"),
                r.getInteger("duration"), r.getString("source"), Instant.ofEpochMilli(r.getLong("issued_ms")), r.getLong("expires_ms"));
    }

    /**
     * Sets a sign's desired message and returns every unexpired desired message of its gateway, for the command; under
     * the gateway's lock, so two messages set at once each see the other.
     */
    Future<List<Desired>> setDesired(String sign, String gateway, String site, String multi, int priority, int duration, String source, Instant issued,
                                     Long expiresMillis) {
        Tuple row = Tuple.from(new Object[] {sign, gateway, site, multi, priority, duration, source, issued.toEpochMilli(), expiresMillis});
        return writer.withTransaction(tx -> storage.lock(tx, "sign-desired:" + gateway).compose(locked -> tx.preparedQuery(UPSERT_DESIRED).execute(row))
                .compose(v -> tx.preparedQuery("SELECT * FROM sign_desired WHERE gateway = $1 AND (expires_ms IS NULL OR expires_ms > $2) ORDER BY sign")
                        .execute(Tuple.of(gateway, issued.toEpochMilli())))
                .map(rows -> {
                    List<Desired> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(desired(r)));
                    return entries;
                }));
    }

}
