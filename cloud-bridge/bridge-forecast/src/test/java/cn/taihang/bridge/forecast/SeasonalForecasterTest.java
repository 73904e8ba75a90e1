package cn.taihang.bridge.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SeasonalForecasterTest {

    static final HolidayCalendar CALENDAR = HolidayCalendar.chinaMainland();
    static final double[] DOW = {0, 0.8, 0.8, 0.9, 0.9, 1.1, 1.4, 1.1};
    static final double LEVEL = 2400;

    /** A day's truth: level × weekday (or holiday) factor × a two-peak profile. */
    static double[] truth(LocalDate d, double holidayFactor) {
        DayKind kind = CALENDAR.kind(d);
        double factor = switch (kind) {
            case HOLIDAY -> holidayFactor;
            case MAKEUP_WORKDAY -> (DOW[1] + DOW[2] + DOW[3] + DOW[4] + DOW[5]) / 5;
            default -> DOW[d.getDayOfWeek().getValue()];
        };
        double[] shape = new double[24];
        double sum = 0;
        for (int h = 0; h < 24; h++) {
            shape[h] = h < 6 ? 0.1 : 1 + Math.exp(-Math.pow(h - 9, 2) / 4) * 2 + Math.exp(-Math.pow(h - 16, 2) / 4) * 1.5;
            sum += shape[h];
        }
        double[] hours = new double[24];
        for (int h = 0; h < 24; h++) {
            hours[h] = LEVEL * factor * shape[h] / sum;
        }
        return hours;
    }

    static FlowHistory history(LocalDate from, LocalDate to, double holidayFactor, Random noise) {
        FlowHistory.Builder b = FlowHistory.builder();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            double[] hours = truth(d, holidayFactor);
            if (noise != null) {
                for (int h = 0; h < 24; h++) {
                    hours[h] = Math.max(0, hours[h] * (1 + 0.15 * noise.nextGaussian()));
                }
            }
            b.addDay(d, hours);
        }
        return b.build();
    }

    @Test
    void recoversANoiselessWeeklyPatternExactly() {
        FlowHistory h = history(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31), 2.5, null);
        SeasonalForecaster f = new SeasonalForecaster(CALENDAR);
        for (LocalDate d = LocalDate.of(2026, 3, 23); d.isBefore(LocalDate.of(2026, 3, 30)); d = d.plusDays(1)) {
            DayForecast fc = f.forecast(h, d);
            assertThat(fc.method()).isEqualTo("seasonal");
            assertThat(fc.hours()).containsExactly(truth(d, 2.5), within(1e-6));
        }
    }

    @Test
    void learnsTheLongHolidayEffectFromLabourDayAndAppliesItToGoldenWeek() {
        FlowHistory h = history(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30), 2.5, null);
        DayForecast oct2 = new SeasonalForecaster(CALENDAR).forecast(h, LocalDate.of(2026, 10, 2));
        assertThat(oct2.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(oct2.holidayId()).isEqualTo("national-day");
        assertThat(oct2.total()).isCloseTo(LEVEL * 2.5, within(LEVEL * 0.01));
        DayForecast makeup = new SeasonalForecaster(CALENDAR).forecast(h, LocalDate.of(2026, 10, 10));
        assertThat(makeup.kind()).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(makeup.total()).isCloseTo(LEVEL * 0.9, within(LEVEL * 0.01));
    }

    @Test
    void withoutAnyEarlierBreakTheDocumentedPriorIsUsed() {
        FlowHistory h = history(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 24), 2.5, null);
        SeasonalForecaster f = new SeasonalForecaster(CALENDAR, new SeasonalForecaster.Settings(28, 56, 2.0, 1.5, 0.5));
        assertThat(f.forecast(h, LocalDate.of(2026, 9, 26)).total()).isCloseTo(LEVEL * 1.5, within(1.0));
    }

    @Test
    void aShortHistoryGivesTheMeanDay() {
        FlowHistory h = FlowHistory.builder().addDay(LocalDate.of(2026, 5, 11), new double[24]).build();
        DayForecast fc = new SeasonalForecaster(CALENDAR).forecast(h, LocalDate.of(2026, 5, 12));
        assertThat(fc.method()).isEqualTo("short-history");
        assertThat(fc.trainingDays()).isEqualTo(1);
        assertThat(new SeasonalForecaster(CALENDAR).forecast(FlowHistory.empty(), LocalDate.of(2026, 5, 12)).total()).isZero();
    }

    @Test
    void beatsTheSeasonalNaiveForecastOnNoisyHeldOutDaysIncludingGoldenWeek() {
        FlowHistory all = history(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 10, 14), 2.5, new Random(7));
        Backtest.Result r = Backtest.run(new SeasonalForecaster(CALENDAR), all, LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 14), 7);
        assertThat(r.days()).hasSize(17);
        assertThat(r.mase()).isLessThan(1.0);
        assertThat(r.relativeMae()).isLessThan(0.5);
    }

    @Test
    void theSeasonalNaiveScaleIsTheMeanAbsoluteWeekOnWeekChange() {
        FlowHistory.Builder b = FlowHistory.builder();
        LocalDate d0 = LocalDate.of(2026, 6, 1);
        for (int i = 0; i < 14; i++) {
            double[] h = new double[24];
            h[10] = i < 7 ? 10 : 34;
            b.addDay(d0.plusDays(i), h);
        }
        assertThat(Backtest.seasonalNaiveScale(b.build(), 7)).isCloseTo(1.0, within(1e-12));
        assertThat(Backtest.seasonalNaiveScale(FlowHistory.empty(), 7)).isZero();
    }

    @Test
    void historiesRefuseBadValues() {
        FlowHistory.Builder b = FlowHistory.builder();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.add(LocalDate.of(2026, 1, 1).atStartOfDay(), -1)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.add(LocalDate.of(2026, 1, 1).atStartOfDay(), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.addDay(LocalDate.of(2026, 1, 1), new double[25])).isInstanceOf(IllegalArgumentException.class);
    }
}
