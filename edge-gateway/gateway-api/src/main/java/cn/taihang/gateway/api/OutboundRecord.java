package cn.taihang.gateway.api;

import cn.taihang.wire.records.RecordKind;
import cn.taihang.wire.records.RecordKinds;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A record a device bundle hands to the {@link Outbox}.
 *
 * @param device id of the device it concerns (as registered in the {@link DeviceRegistry})
 * @param kind what the record is, dotted lower case, e.g. {@code counter.interval}: one of {@link RecordKinds}
 * @param priority priority class
 * @param time when the measured thing happened (for an aggregate: the start of its interval)
 * @param measurements the values, 1–256 of them, names unique
 */
public record OutboundRecord(String device, String kind, Priority priority, Instant time, List<Measurement> measurements) {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_./:-]{1,96}");

    /** Validates at the boundary. @throws IllegalArgumentException on bad fields */
    public OutboundRecord {
        if (device == null || !DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("device id must be 1-96 of [A-Za-z0-9_./:-], was " + device);
        }
        if (!RecordKinds.isValidKind(kind)) {
            throw new IllegalArgumentException("record kind must be 1-48 of [a-z0-9_.-], was " + kind);
        }
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(time, "time");
        measurements = List.copyOf(measurements);
        if (measurements.isEmpty() || measurements.size() > 256) {
            throw new IllegalArgumentException("a record carries 1-256 measurements, had " + measurements.size());
        }
        if (measurements.stream().map(Measurement::name).distinct().count() != measurements.size()) {
            throw new IllegalArgumentException("measurement names of a record must be unique");
        }
    }

    /**
     * A record of a kind that implies its priority class.
     *
     * @param kind the kind, e.g. {@code CounterInterval.KIND}
     * @throws IllegalArgumentException on bad fields, or if the kind leaves the class to the producer (use the
     *     canonical constructor with {@code kind.name()} then)
     */
    public OutboundRecord(String device, RecordKind kind, Instant time, List<Measurement> measurements) {
        this(device, kind.name(), impliedPriority(kind), time, measurements);
    }

    private static Priority impliedPriority(RecordKind kind) {
        return Priority.ofCode(kind.priority().orElseThrow(
                () -> new IllegalArgumentException(kind.name() + " implies no priority class: the producer chooses one per record")));
    }
}
