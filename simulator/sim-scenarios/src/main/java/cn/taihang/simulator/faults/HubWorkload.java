package cn.taihang.simulator.faults;

import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.records.AlarmEvent;
import cn.taihang.wire.records.CounterInterval;
import cn.taihang.wire.records.TicketRedemption;
import cn.taihang.wire.records.Units;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a hub gateway (gates, counting lanes, a dozen devices) records, second by second: ticket redemptions and
 * safety alarms (critical), device state every minute (high), vehicle counts per lane every 30 s (normal), and a
 * diagnostic snapshot every 10 s (bulk, the largest). Redemptions follow the day: most between 07:00 and 20:00 local.
 * Redemptions, alarms and counts are the vocabulary's records; device state and diagnostics stand in for what a
 * hub's other devices would send and have kinds of their own, which no real gateway sends.
 */
public final class HubWorkload {

    /** Synthetic: a device's state every minute (high). */
    static final String DEVICE_STATE = "device.state";
    /** Synthetic: the gateway's diagnostic snapshot every 10 s (bulk). */
    static final String DIAGNOSTICS = "diag.snapshot";

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
            records.add(new OutboundRecord(site + "-vis-1", AlarmEvent.RAISED, t, List.of(Measurement.of(AlarmEvent.ID, "fog@" + site + "-vis-1"),
                    Measurement.of(AlarmEvent.ALARM_KIND, "fog"), Measurement.of(AlarmEvent.SEVERITY, "CRITICAL"),
                    Measurement.of(AlarmEvent.MESSAGE, "前方大雾 / Fog ahead"),
                    Measurement.number(AlarmEvent.DETAIL.nameOf("visibility"), "m", 80 + random.nextInt(100)))));
        }
        if (s % 60 == 0) {
            for (int d = 1; d <= DEVICES; d++) {
                records.add(new OutboundRecord(site + "-dev-" + d, DEVICE_STATE, Priority.HIGH, t, List.of(Measurement.flag("online", true),
                        Measurement.number("temperature", Units.CELSIUS, 20 + random.nextInt(200) / 10.0),
                        Measurement.number("uptime", Units.SECOND, s % 1_000_000))));
            }
        }
        if (s % 30 == 0) {
            for (int l = 1; l <= LANES; l++) {
                int shortCount = random.nextInt(12);
                int medium = random.nextInt(4);
                int longCount = random.nextInt(2);
                records.add(new OutboundRecord(site + "-l" + l, CounterInterval.KIND, t.minusSeconds(30), List.of(
                        Measurement.of(CounterInterval.INTERVAL, 30), Measurement.of(CounterInterval.COUNT, shortCount + medium + longCount),
                        Measurement.of(CounterInterval.COUNT_BY_CLASS.of("short"), shortCount),
                        Measurement.of(CounterInterval.COUNT_BY_CLASS.of("medium"), medium), Measurement.of(CounterInterval.COUNT_BY_CLASS.of("long"), longCount),
                        Measurement.of(CounterInterval.MEAN_SPEED, (30 + random.nextInt(400) / 10.0) / 3.6),
                        Measurement.of(CounterInterval.OCCUPANCY, random.nextInt(300) / 10.0))));
            }
        }
        if (s % 10 == 0) {
            records.add(new OutboundRecord(site + "-gw", DIAGNOSTICS, Priority.BULK, t, List.of(
                    Measurement.number("heap", Units.BYTE, 40_000_000 + random.nextInt(20_000_000)),
                    Measurement.number("cpu", Units.PERCENT, random.nextInt(1000) / 10.0), Measurement.text("log", logExcerpt(s)))));
        }
        return records;
    }

    private OutboundRecord redemption(Instant t) {
        ticketSerial++;
        return new OutboundRecord(site + "-gate-" + (1 + random.nextInt(4)), TicketRedemption.KIND, t, List.of(
                Measurement.of(TicketRedemption.TICKET, Long.toString(0x7f3a_0000_0000L + ticketSerial * 7919)),
                Measurement.of(TicketRedemption.ENTITLEMENT, 0), Measurement.of(TicketRedemption.ENTITLEMENT_KIND, "bus-ride"),
                Measurement.of(TicketRedemption.PLACE, 1 + random.nextInt(60)), Measurement.of(TicketRedemption.USE, 1),
                Measurement.of(TicketRedemption.USES, 1), Measurement.of(TicketRedemption.KEY, 1), Measurement.of(TicketRedemption.GATE, "bus_boarding")));
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
