package cn.taihang.bridge.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HolidayCalendarTest {

    final HolidayCalendar calendar = HolidayCalendar.chinaMainland();

    @Test
    void goldenWeek2026IsSevenHolidaysWithTwoMakeUpWorkdays() {
        for (int d = 1; d <= 7; d++) {
            assertThat(calendar.kind(LocalDate.of(2026, 10, d))).isEqualTo(DayKind.HOLIDAY);
            assertThat(calendar.holiday(LocalDate.of(2026, 10, d)).orElseThrow().id()).isEqualTo("national-day");
        }
        assertThat(calendar.holiday(LocalDate.of(2026, 10, 1)).orElseThrow().isLong()).isTrue();
        assertThat(calendar.kind(LocalDate.of(2026, 9, 20))).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(calendar.kind(LocalDate.of(2026, 10, 10))).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(calendar.kind(LocalDate.of(2026, 10, 8))).isEqualTo(DayKind.WORKDAY);
        assertThat(calendar.kind(LocalDate.of(2026, 10, 11))).isEqualTo(DayKind.WEEKEND);
        assertThat(DayKind.MAKEUP_WORKDAY.worked()).isTrue();
        assertThat(DayKind.HOLIDAY.worked()).isFalse();
    }

    @Test
    void shortBreaksAndOtherYears() {
        assertThat(calendar.holiday(LocalDate.of(2026, 9, 26)).orElseThrow().id()).isEqualTo("mid-autumn");
        assertThat(calendar.holiday(LocalDate.of(2026, 9, 26)).orElseThrow().isLong()).isFalse();
        assertThat(calendar.holiday(LocalDate.of(2025, 10, 8)).orElseThrow().length()).isEqualTo(8);
        assertThat(calendar.kind(LocalDate.of(2025, 9, 28))).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(calendar.knows(2026)).isTrue();
        assertThat(calendar.knows(2031)).isFalse();
        assertThat(calendar.kind(LocalDate.of(2031, 10, 3))).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.kind(LocalDate.of(2031, 10, 8))).isEqualTo(DayKind.WORKDAY);
    }

    @Test
    void malformedTablesAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> HolidayCalendar.parse("holiday x 2026-10-01 2026-10-07 国庆\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> HolidayCalendar.parse("\nworkday 2026-13-01\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> HolidayCalendar.parse("holiday x 2026-10-07 2026-10-01 a / b")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> HolidayCalendar.parse("holiday x 2026-01-01 2026-03-01 a / b")).hasMessageContaining("1-14 days");
        assertThatThrownBy(() -> HolidayCalendar.parse("holiday x 2026-10-01 2026-10-07 a / b\nworkday 2026-10-03"))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> HolidayCalendar.parse("party 2026-10-01")).hasMessageContaining("expected");
        assertThatThrownBy(() -> HolidayCalendar.parse("workday " + "9".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
    }
}
