package cn.taihang.wire.records;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One record kind of the vocabulary.
 *
 * @param name the kind string on the wire, e.g. {@code counter.interval} (valid per {@link RecordKinds#isValidKind})
 * @param priority the priority class code the kind implies ({@link #CRITICAL} … {@link #BULK}, the codes of
 *     {@code RecordFrame.priority}), or empty if the producer chooses per record
 * @param metrics the measurements with a fixed name, names unique
 * @param families the measurements named by a pattern
 */
public record RecordKind(String name, OptionalInt priority, List<Metric<?>> metrics, List<MetricFamily<?>> families) {

    /** Priority code of the critical class: never evicted from a gateway's store. */
    public static final int CRITICAL = 0;
    /** Priority code of the high class: device state and events. */
    public static final int HIGH = 1;
    /** Priority code of the normal class: periodic aggregates. */
    public static final int NORMAL = 2;
    /** Priority code of the bulk class: diagnostics, the first to go. */
    public static final int BULK = 3;

    /** Validates and copies. @throws IllegalArgumentException on an invalid name, priority or duplicate measurement name */
    public RecordKind {
        if (!RecordKinds.isValidKind(name)) {
            throw new IllegalArgumentException("record kind must be 1-48 of [a-z0-9_.-], was " + name);
        }
        if (priority.isPresent() && (priority.getAsInt() < CRITICAL || priority.getAsInt() > BULK)) {
            throw new IllegalArgumentException("priority code must be 0-3, was " + priority.getAsInt());
        }
        metrics = List.copyOf(metrics);
        families = List.copyOf(families);
        Set<String> names = new HashSet<>();
        for (Metric<?> m : metrics) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException(name + " names the measurement " + m.name() + " twice");
            }
        }
    }

    /** @return a kind whose producer sets this priority class on every record */
    static RecordKind of(String name, int priority, List<Metric<?>> metrics, List<MetricFamily<?>> families) {
        return new RecordKind(name, OptionalInt.of(priority), metrics, families);
    }

    /** @return a kind whose producer chooses the priority class per record */
    static RecordKind withoutPriority(String name, List<Metric<?>> metrics, List<MetricFamily<?>> families) {
        return new RecordKind(name, OptionalInt.empty(), metrics, families);
    }

    /**
     * @param measurement a measurement name
     * @return the fixed-name measurement of this kind with that name, if any
     */
    public Optional<Metric<?>> metric(String measurement) {
        return metrics.stream().filter(m -> m.name().equals(measurement)).findFirst();
    }

    /**
     * @param measurement a measurement name, may be {@code null}
     * @return whether the vocabulary knows it for this kind, by name or as a member of a family
     */
    public boolean knows(String measurement) {
        return metric(measurement).isPresent() || families.stream().anyMatch(f -> f.contains(measurement));
    }
}
