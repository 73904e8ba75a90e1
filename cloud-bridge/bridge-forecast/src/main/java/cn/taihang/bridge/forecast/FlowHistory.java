package cn.taihang.bridge.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hourly observations of one location (passengers or vehicles per local hour). A day is observed once anything was
 * recorded for it; its hours without a value count as zero (no scans, no vehicles), a day without any value is missing
 * (a gateway that was down) and is left out of fits rather than taken as zero. Immutable; build with {@link Builder}.
 */
public final class FlowHistory {

    /** Hours in a day. */
    public static final int HOURS = 24;

    private final NavigableMap<LocalDate, double[]> days;

    private FlowHistory(NavigableMap<LocalDate, double[]> days) {
        this.days = days;
    }

    /** @return an empty history */
    public static FlowHistory empty() {
        return new FlowHistory(Collections.emptyNavigableMap());
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the observed days in order */
    public NavigableMap<LocalDate, double[]> days() {
        return Collections.unmodifiableNavigableMap(days);
    }

    /** @return a copy of the day's 24 hourly values, if observed */
    public Optional<double[]> day(LocalDate date) {
        double[] h = days.get(date);
        return h == null ? Optional.empty() : Optional.of(h.clone());
    }

    /** @return the day's total, if observed */
    public Optional<Double> total(LocalDate date) {
        double[] h = days.get(date);
        return h == null ? Optional.empty() : Optional.of(Arrays.stream(h).sum());
    }

    /** @return the days strictly before {@code date} */
    public FlowHistory before(LocalDate date) {
        return new FlowHistory(new TreeMap<>(days.headMap(date, false)));
    }

    /** @return the number of observed days */
    public int size() {
        return days.size();
    }

    /** Collects hourly values; values for the same hour add up. Not thread-safe. */
    public static final class Builder {
        private final TreeMap<LocalDate, double[]> days = new TreeMap<>();

        /**
         * @param hour the local hour (minutes and seconds are ignored)
         * @param value what was observed in that hour; must be finite and non-negative
         * @return this builder
         * @throws IllegalArgumentException for a negative or non-finite value
         */
        public Builder add(LocalDateTime hour, double value) {
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("flow must be a finite, non-negative number, was " + value);
            }
            days.computeIfAbsent(hour.toLocalDate(), d -> new double[HOURS])[hour.getHour()] += value;
            return this;
        }

        /** Adds a whole day (24 values). @return this builder */
        public Builder addDay(LocalDate date, double[] hours) {
            if (hours.length != HOURS) {
                throw new IllegalArgumentException("a day has 24 hourly values, got " + hours.length);
            }
            for (int h = 0; h < HOURS; h++) {
                add(date.atTime(h, 0), hours[h]);
            }
            return this;
        }

        /** @return the history */
        public FlowHistory build() {
            TreeMap<LocalDate, double[]> copy = new TreeMap<>();
            days.forEach((d, h) -> copy.put(d, h.clone()));
            return new FlowHistory(copy);
        }
    }
}
