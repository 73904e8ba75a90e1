package cn.taihang.bridge.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One public holiday break as announced by the State Council (国务院办公厅 部分节假日安排的通知).
 *
 * @param id stable id, e.g. {@code national-day}
 * @param zh Chinese name
 * @param en English name
 * @param first first day off
 * @param last last day off (inclusive)
 */
public record Holiday(String id, String zh, String en, LocalDate first, LocalDate last) {

    /** Validates the range. @throws IllegalArgumentException if {@code last} is before {@code first} or the break exceeds 14 days */
    public Holiday {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= 14) {
            throw new IllegalArgumentException("holiday " + id + " " + first + ".." + last + " is not a range of 1-14 days");
        }
    }

    /** @return days in the break */
    public int length() {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** @return whether the day is part of the break */
    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** @return whether the break is a long one (Spring Festival, Labour Day, Golden Week: 5 days or more) */
    public boolean isLong() {
        return length() >= 5;
    }
}
