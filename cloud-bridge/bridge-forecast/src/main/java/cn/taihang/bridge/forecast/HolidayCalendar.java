package cn.taihang.bridge.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mainland China's public holidays and make-up workdays (调休), from the State Council's yearly notices, so
 * that forecasts know Golden Week (国庆黄金周, Oct 1–7) and the other breaks. The table is data: add the next
 * year's line when the notice is published (usually in November). For a year not in the table only the
 * fixed-date breaks are known (New Year's Day, May 1–5, Oct 1–7); {@link #knows(int)} says which years are exact.
 */
public final class HolidayCalendar {

    /**
     * One break or make-up day per line: {@code holiday <id> <first> <last> <zh> / <en>} or {@code workday <date>}.
     * Sources: 国办发明电 notices for 2024, 2025 and 2026.
     */
    static final String CHINA_MAINLAND = """
            holiday new-year 2024-01-01 2024-01-01 元旦 / New Year's Day
            holiday spring-festival 2024-02-10 2024-02-17 春节 / Spring Festival
            workday 2024-02-04
            workday 2024-02-18
            holiday qingming 2024-04-04 2024-04-06 清明节 / Qingming
            workday 2024-04-07
            holiday labour-day 2024-05-01 2024-05-05 劳动节 / Labour Day
            workday 2024-04-28
            workday 2024-05-11
            holiday dragon-boat 2024-06-08 2024-06-10 端午节 / Dragon Boat Festival
            holiday mid-autumn 2024-09-15 2024-09-17 中秋节 / Mid-Autumn Festival
            workday 2024-09-14
            holiday national-day 2024-10-01 2024-10-07 国庆节 / National Day Golden Week
            workday 2024-09-29
            workday 2024-10-12
            holiday new-year 2025-01-01 2025-01-01 元旦 / New Year's Day
            holiday spring-festival 2025-01-28 2025-02-04 春节 / Spring Festival
            workday 2025-01-26
            workday 2025-02-08
            holiday qingming 2025-04-04 2025-04-06 清明节 / Qingming
            holiday labour-day 2025-05-01 2025-05-05 劳动节 / Labour Day
            workday 2025-04-27
            holiday dragon-boat 2025-05-31 2025-06-02 端午节 / Dragon Boat Festival
            holiday national-day 2025-10-01 2025-10-08 国庆节、中秋节 / National Day Golden Week and Mid-Autumn
            workday 2025-09-28
            workday 2025-10-11
            holiday new-year 2026-01-01 2026-01-03 元旦 / New Year's Day
            workday 2026-01-04
            holiday spring-festival 2026-02-15 2026-02-23 春节 / Spring Festival
            workday 2026-02-14
            workday 2026-02-28
            holiday qingming 2026-04-04 2026-04-06 清明节 / Qingming
            holiday labour-day 2026-05-01 2026-05-05 劳动节 / Labour Day
            workday 2026-05-09
            holiday dragon-boat 2026-06-19 2026-06-21 端午节 / Dragon Boat Festival
            holiday mid-autumn 2026-09-25 2026-09-27 中秋节 / Mid-Autumn Festival
            holiday national-day 2026-10-01 2026-10-07 国庆节 / National Day Golden Week
            workday 2026-09-20
            workday 2026-10-10
            """;

    private final List<Holiday> holidays;
    private final Set<LocalDate> makeupWorkdays;
    private final Set<Integer> knownYears;

    private HolidayCalendar(List<Holiday> holidays, Set<LocalDate> makeupWorkdays) {
        this.holidays = List.copyOf(holidays);
        this.makeupWorkdays = Set.copyOf(makeupWorkdays);
        Set<Integer> years = new TreeSet<>();
        holidays.forEach(h -> years.add(h.first().getYear()));
        this.knownYears = Set.copyOf(years);
    }

    /** @return the calendar of mainland China for the years in {@link #CHINA_MAINLAND} */
    public static HolidayCalendar chinaMainland() {
        return parse(CHINA_MAINLAND);
    }

    /**
     * Reads a table in the format of {@link #CHINA_MAINLAND}.
     *
     * @throws IllegalArgumentException naming the line that is malformed
     */
    public static HolidayCalendar parse(String table) {
        List<Holiday> holidays = new ArrayList<>();
        Set<LocalDate> workdays = new HashSet<>();
        String[] lines = table.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+", 5);
            try {
                if (f[0].equals("workday") && f.length == 2) {
                    workdays.add(LocalDate.parse(f[1]));
                } else if (f[0].equals("holiday") && f.length == 5 && f[4].contains(" / ")) {
                    String[] names = f[4].split(" / ", 2);
                    holidays.add(new Holiday(f[1], names[0].strip(), names[1].strip(), LocalDate.parse(f[2]), LocalDate.parse(f[3])));
                } else {
                    throw new IllegalArgumentException("expected 'holiday <id> <first> <last> <zh> / <en>' or 'workday <date>'");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("holiday table line " + (i + 1) + " '" + line + "': " + e.getMessage(), e);
            }
        }
        for (LocalDate w : workdays) {
            if (holidays.stream().anyMatch(h -> h.contains(w))) {
                throw new IllegalArgumentException("holiday table: " + w + " is both a make-up workday and a holiday");
            }
        }
        return new HolidayCalendar(holidays, workdays);
    }

    /** @return whether the table covers this year exactly (otherwise only fixed-date breaks are known) */
    public boolean knows(int year) {
        return knownYears.contains(year);
    }

    /** @return the holiday break the day belongs to, if any */
    public Optional<Holiday> holiday(LocalDate day) {
        for (Holiday h : holidays) {
            if (h.contains(day)) {
                return Optional.of(h);
            }
        }
        if (!knows(day.getYear())) {
            return fixedDateBreak(day);
        }
        return Optional.empty();
    }

    /** @return how the day behaves */
    public DayKind kind(LocalDate day) {
        if (holiday(day).isPresent()) {
            return DayKind.HOLIDAY;
        }
        if (makeupWorkdays.contains(day)) {
            return DayKind.MAKEUP_WORKDAY;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    /** @return every break in the table */
    public List<Holiday> holidays() {
        return holidays;
    }

    private static Optional<Holiday> fixedDateBreak(LocalDate day) {
        int y = day.getYear();
        List<Holiday> fixed = List.of(
                new Holiday("new-year", "元旦", "New Year's Day", LocalDate.of(y, 1, 1), LocalDate.of(y, 1, 1)),
                new Holiday("labour-day", "劳动节", "Labour Day", LocalDate.of(y, 5, 1), LocalDate.of(y, 5, 5)),
                new Holiday("national-day", "国庆节", "National Day Golden Week", LocalDate.of(y, 10, 1), LocalDate.of(y, 10, 7)));
        return fixed.stream().filter(h -> h.contains(day)).findFirst();
    }
}
