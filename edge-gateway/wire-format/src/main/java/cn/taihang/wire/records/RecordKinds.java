package cn.taihang.wire.records;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every record kind's string, as compile-time constants (for {@code switch} and the bridge's listener
 * prefixes), and the list of the kinds with their measurements. The strings are the bytes on the wire:
 * never change one.
 */
public final class RecordKinds {

    /** {@link CounterInterval}: one lane's vehicle count over an interval. */
    public static final String COUNTER_INTERVAL = "counter.interval";
    /** {@link TicketRedemption}: a gate or key locker accepted a ticket. */
    public static final String TICKET_REDEMPTION = "ticket.redemption";
    /** {@link TicketRejection}: a gate or key locker refused a scan. */
    public static final String TICKET_REJECTION = "ticket.rejection";
    /** {@link LockerHandover#PICKUP}: a key locker handed a rental car's key out. */
    public static final String RENTAL_PICKUP = "rental.pickup";
    /** {@link LockerHandover#RETURN}: a key locker took a rental car's key back. */
    public static final String RENTAL_RETURN = "rental.return";
    /** {@link SignReport}: what a digital sign shows and how it is. */
    public static final String SIGN_STATUS = "sign.status";
    /** {@link SensorReading}: the values of one road sensor at one time. */
    public static final String SENSOR_READING = "sensor.reading";
    /** {@link AlarmEvent#RAISED}: an alarm went up on a gateway. */
    public static final String ALARM_RAISED = "alarm.raised";
    /** {@link AlarmEvent#CLEARED}: an alarm went away. */
    public static final String ALARM_CLEARED = "alarm.cleared";
    /** {@link CommandResult}: what a gateway made of a command from the bridge. */
    public static final String COMMAND_RESULT = "command.result";

    /** Prefix of both ticket kinds, for a listener that takes every scan outcome. */
    public static final String TICKET_PREFIX = "ticket.";
    /** Prefix of both rental kinds, for a listener that takes every key handover. */
    public static final String RENTAL_PREFIX = "rental.";
    /** Prefix of both alarm kinds. */
    public static final String ALARM_PREFIX = "alarm.";

    private static final Pattern KIND = Pattern.compile("[a-z0-9_.-]{1,48}");

    private RecordKinds() {
    }

    /**
     * The rule for kind strings at the gateway's boundary: 1–48 lower-case letters, digits and {@code _ . -},
     * by convention dotted ({@code subject.event}).
     *
     * @param kind a kind, may be {@code null}
     * @return whether it is valid
     */
    public static boolean isValidKind(String kind) {
        return kind != null && KIND.matcher(kind).matches();
    }

    /** @return every kind of the vocabulary */
    public static List<RecordKind> all() {
        return List.of(CounterInterval.KIND, TicketRedemption.KIND, TicketRejection.KIND, LockerHandover.PICKUP, LockerHandover.RETURN,
                SignReport.KIND, SensorReading.KIND, AlarmEvent.RAISED, AlarmEvent.CLEARED, CommandResult.KIND);
    }

    /**
     * @param kind a kind string, may be {@code null}
     * @return the vocabulary's kind of that name, empty for one it does not know
     */
    public static Optional<RecordKind> of(String kind) {
        return all().stream().filter(k -> k.name().equals(kind)).findFirst();
    }
}
