package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a hub gateway (gates, counting lanes, a dozen devices) records, second by second: ticket redemptions and
 * safety alarms (critical), device state every minute (high), vehicle counts per lane every 30 s (normal), and a
 * diagnostic snapshot every 10 s (bulk, the largest). Redemptions follow the day: most between 07:00 and 20:00 local.
 */
public final class HubWorkload {

    /** Devices reporting their state. */
    static final int DEVICES = 10;
    /** Counted lanes. */
    static final int LANES = 4;
    private static final double REDEMPTIONS_PER_DAY = 3000;
    private static final double ALARMS_PER_DAY = 2;
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final Random random;
    private final String site;
    private long ticketSerial;

    public HubWorkload(String site, long seed) {
        this.site = site;
        this.random = new Random(seed);
    }

    /** @return the records of one second of simulated time */
    public List<OutboundRecord> second(Instant t) {
        List<OutboundRecord> records = new ArrayList<>();
        long s = t.getEpochSecond();
        int hour = t.atZone(LOCAL).getHour();
        double dayShare = hour >= 7 && hour < 20 ? 0.9 / 13 : 0.1 / 11;
        if (random.nextDouble() < REDEMPTIONS_PER_DAY * dayShare / 3600) {
            records.add(redemption(t));
        }
        if (random.nextDouble() < ALARMS_PER_DAY / 86_400) {
            records.add(new OutboundRecord(site + "-vis-1", "alarm.raised", Priority.CRITICAL, t, List.of(Measurement.text("id", "fog@" + site + "-vis-1"),
                    Measurement.text("kind", "fog"), Measurement.text("severity", "CRITICAL"), Measurement.text("message", "前方大雾 / Fog ahead"),
                    Measurement.number("detail/visibility", "m", 80 + random.nextInt(100)))));
        }
        if (s % 60 == 0) {
            for (int d = 1; d <= DEVICES; d++) {
                records.add(new OutboundRecord(site + "-dev-" + d, "device.state", Priority.HIGH, t, List.of(Measurement.flag("online", true),
                        Measurement.number("temperature", "Cel", 20 + random.nextInt(200) / 10.0), Measurement.number("uptime", "s", s % 1_000_000))));
            }
        }
        if (s % 30 == 0) {
            for (int l = 1; l <= LANES; l++) {
                int shortCount = random.nextInt(12);
                int medium = random.nextInt(4);
                int longCount = random.nextInt(2);
                records.add(new OutboundRecord(site + "-l" + l, "counter.interval", Priority.NORMAL, t.minusSeconds(30), List.of(
                        Measurement.number("count", "count", shortCount + medium + longCount), Measurement.number("count/short", "count", shortCount),
                        Measurement.number("count/medium", "count", medium), Measurement.number("count/long", "count", longCount),
                        Measurement.number("speed", "km/h", 30 + random.nextInt(400) / 10.0), Measurement.number("occupancy", "%", random.nextInt(300) / 10.0))));
            }
        }
        if (s % 10 == 0) {
            records.add(new OutboundRecord(site + "-gw", "diag.snapshot", Priority.BULK, t, List.of(Measurement.number("heap", "By", 40_000_000 + random.nextInt(20_000_000)),
                    Measurement.number("cpu", "%", random.nextInt(1000) / 10.0), Measurement.text("log", logExcerpt(s)))));
        }
        return records;
    }

    private OutboundRecord redemption(Instant t) {
        ticketSerial++;
        return new OutboundRecord(site + "-gate-" + (1 + random.nextInt(4)), "ticket.redeemed", Priority.CRITICAL, t, List.of(
                Measurement.text("ticket", "TH" + Long.toString(0x7f3a_0000_0000L + ticketSerial * 7919, 36).toUpperCase()),
                Measurement.number("product", null, 1 + random.nextInt(60)), Measurement.text("entitlement", "bus+admission"),
                Measurement.flag("offline", true)));
    }

    private String logExcerpt(long s) {
        StringBuilder log = new StringBuilder(900);
        while (log.length() < 800) {
            log.append(s).append(" INFO uplink reconnect attempt failed: Connection refused; records are kept (backlog ")
                    .append(random.nextInt(100_000)).append(")\n");
        }
        return log.toString();
    }
}
