package cn.taihang.sign.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A day plan (NTCIP 1201/1203 scheduling): messages activated at times of day, every day, in a time zone.
 * Immutable.
 */
public final class DayPlan {

    /**
     * One scheduled activation.
     *
     * @param at time of day
     * @param priority activation priority 0–255
     * @param durationMinutes 1–65534, or {@link Activation#INFINITE}
     * @param multi the message
     */
    public record Event(LocalTime at, int priority, int durationMinutes, String multi) {
        /** Validates. */
        public Event {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(multi, "multi");
        }

        /** @return the activation this event makes when it fires on {@code date} */
        Activation activation(LocalDate date, ZoneId zone) {
            return new Activation(multi, priority, durationMinutes, "schedule " + at, MessageOrigin.SCHEDULE,
                    ZonedDateTime.of(date, at, zone).toInstant());
        }
    }

    private final List<Event> events;
    private final ZoneId zone;

    /** @param events in any order; @param zone the sign's local time zone */
    public DayPlan(List<Event> events, ZoneId zone) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(Event::at));
        this.events = List.copyOf(sorted);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @return an empty plan */
    public static DayPlan none(ZoneId zone) {
        return new DayPlan(List.of(), zone);
    }

    /**
     * Parses entries {@code HH:MM|priority|durationMinutes|MULTI}, e.g. {@code 06:30|20|65535|[jp3]欢迎[np][jp3]WELCOME}.
     *
     * @throws IllegalArgumentException naming the bad entry and what it should look like
     */
    public static DayPlan parse(List<String> entries, ZoneId zone) {
        List<Event> events = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("\\|", 4);
            try {
                if (parts.length != 4) {
                    throw new IllegalArgumentException("4 fields");
                }
                Activation check = new Activation(parts[3], Integer.parseInt(parts[1].strip()), Integer.parseInt(parts[2].strip()),
                        "schedule", MessageOrigin.SCHEDULE, Instant.EPOCH);
                events.add(new Event(LocalTime.parse(parts[0].strip()), check.priority(), check.durationMinutes(), check.multi()));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("day plan entry '" + entry + "' is not HH:MM|priority 0-255|minutes 1-65535|MULTI ("
                        + e.getMessage() + ")");
            }
        }
        return new DayPlan(events, zone);
    }

    /** @return the events, by time of day */
    public List<Event> events() {
        return events;
    }

    /** @return the plan's time zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return the activations of events at times in ({@code after}, {@code upTo}], in order */
    public List<Activation> due(Instant after, Instant upTo) {
        List<Activation> due = new ArrayList<>();
        if (events.isEmpty() || !upTo.isAfter(after)) {
            return due;
        }
        LocalDate day = after.atZone(zone).toLocalDate();
        LocalDate last = upTo.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Event e : events) {
                Activation a = e.activation(day, zone);
                if (a.issuedAt().isAfter(after) && !a.issuedAt().isAfter(upTo)) {
                    due.add(a);
                }
            }
        }
        return due;
    }

    /** @return the activation of the latest event at or before {@code now} (today or yesterday), or {@code null} */
    public Activation inForce(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Activation latest = null;
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            for (Event e : events) {
                Activation a = e.activation(day, zone);
                if (!a.issuedAt().isAfter(now)) {
                    latest = a;
                }
            }
        }
        return latest;
    }
}
