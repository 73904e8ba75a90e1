package cn.taihang.bridge.dispatch;

import cn.taihang.bridge.forecast.FlowHistory;
import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.RecordKinds;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly flow per place, kept from the records as they are ingested (exactly once, in the ingest transaction):
 * ticket scans (each {@code TicketRedemption} is one passenger; refusals travel as another kind) and counted vehicles
 * ({@code CounterInterval}: {@link CounterInterval#COUNT}). The place is the record's site.
 */
final class FlowStore {

    private static final Logger LOG = LoggerFactory.getLogger(FlowStore.class);
    private static final long HOUR_MS = 3_600_000;

    private final Set<String> places;
    private long skipped;

    FlowStore(Set<String> places) {
        this.places = Set.copyOf(places);
    }

    /** Adds a batch's scans and vehicle counts to their hours, in the ingest transaction. */
    Future<Void> record(SqlConnection tx, List<IngestedRecord> records) {
        Map<String, double[]> byKey = new TreeMap<>();
        for (IngestedRecord r : records) {
            String place = r.site();
            if (place == null || !places.contains(place)) {
                continue;
            }
            double scans = 0;
            double vehicles = 0;
            if (r.kind().equals(RecordKinds.COUNTER_INTERVAL)) {
                Double count = r.get(CounterInterval.COUNT);
                if (count == null || count < 0 || !Double.isFinite(count)) {
                    noteSkipped(r, "no valid count");
                    continue;
                }
                vehicles = count;
            } else if (r.kind().equals(RecordKinds.TICKET_REDEMPTION)) {
                scans = 1;
            } else {
                continue;
            }
            long hour = Math.floorDiv(r.timeMillis(), HOUR_MS) * HOUR_MS;
            double[] sum = byKey.computeIfAbsent(place + "\n" + hour, k -> new double[2]);
            sum[0] += scans;
            sum[1] += vehicles;
        }
        if (byKey.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = new ArrayList<>();
        byKey.forEach((key, v) -> {
            String[] k = key.split("\n");
            rows.add(Tuple.of(k[0], Long.parseLong(k[1]), v[0], v[1]));
        });
        return tx.preparedQuery("INSERT INTO dispatch_flow (place, hour_ms, scans, vehicles) VALUES ($1, $2, $3, $4) "
                + "ON CONFLICT (place, hour_ms) DO UPDATE SET scans = dispatch_flow.scans + excluded.scans, vehicles = dispatch_flow.vehicles + excluded.vehicles")
                .executeBatch(rows).mapEmpty();
    }

    private void noteSkipped(IngestedRecord r, String why) {
        if (skipped++ == 0) {
            LOG.warn("dispatch skips {} records like #{} of {}: {} (logged once)", r.kind(), r.seq(), r.gateway(), why);
        }
    }

    /**
     * The histories of one place: scans, vehicles and passengers (scans where the place had any in the
     * 28 days before {@code before}, else vehicles × persons per vehicle).
     *
     * @param basis {@code ticket-scans} or {@code vehicle-counts}
     */
    record Histories(FlowHistory passengers, FlowHistory scans, FlowHistory vehicles, String basis) {}

    static Future<Histories> histories(SqlClient db, String place, LocalDate before, ZoneId zone, double personsPerVehicle) {
        long from = before.minusDays(400).atStartOfDay(zone).toInstant().toEpochMilli();
        long recent = before.minusDays(28).atStartOfDay(zone).toInstant().toEpochMilli();
        return db.preparedQuery("SELECT hour_ms, scans, vehicles FROM dispatch_flow WHERE place = $1 AND hour_ms >= $2 ORDER BY hour_ms")
                .execute(Tuple.of(place, from)).map(rows -> {
                    FlowHistory.Builder scans = FlowHistory.builder();
                    FlowHistory.Builder vehicles = FlowHistory.builder();
                    boolean recentScans = false;
                    for (var r : rows) {
                        var hour = Instant.ofEpochMilli(r.getLong(0)).atZone(zone).toLocalDateTime();
                        double s = r.getDouble(1);
                        double v = r.getDouble(2);
                        if (s > 0) {
                            scans.add(hour, s);
                            recentScans |= r.getLong(0) >= recent;
                        }
                        if (v > 0 || s == 0) {
                            vehicles.add(hour, v);
                        }
                    }
                    FlowHistory scanHistory = scans.build();
                    FlowHistory vehicleHistory = vehicles.build();
                    FlowHistory passengers = recentScans ? scanHistory : scaled(vehicleHistory, personsPerVehicle);
                    return new Histories(passengers, scanHistory, vehicleHistory, recentScans ? "ticket-scans" : "vehicle-counts");
                });
    }

    private static FlowHistory scaled(FlowHistory h, double factor) {
        FlowHistory.Builder b = FlowHistory.builder();
        h.days().forEach((day, hours) -> {
            double[] s = new double[hours.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = hours[i] * factor;
            }
            b.addDay(day, s);
        });
        return b.build();
    }
}
