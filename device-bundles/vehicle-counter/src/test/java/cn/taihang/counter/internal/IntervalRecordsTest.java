package cn.taihang.counter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.counter.domain.IntervalReport;
import cn.taihang.counter.domain.LengthClass;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Priority;
import cn.taihang.wire.records.CounterInterval;
import java.util.Arrays;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class IntervalRecordsTest {

    private static final long T0 = 1_700_000_040_000_000L;

    static Map<String, Measurement> byName(OutboundRecord record) {
        return record.measurements().stream().collect(Collectors.toMap(Measurement::name, Function.identity()));
    }

    private static Map<LengthClass, Integer> classes(int... counts) {
        Map<LengthClass, Integer> map = new EnumMap<>(LengthClass.class);
        for (LengthClass c : LengthClass.values()) {
            map.put(c, counts[c.ordinal()]);
        }
        return map;
    }

    @Test
    void aDualLoopIntervalCarriesEveryCountSpeedAndOccupancy() {
        IntervalReport report = new IntervalReport(T0, Duration.ofSeconds(60), true, 12, classes(1, 7, 1, 1, 0), 1, 1,
                OptionalDouble.of(17.123456), 4.56789, false, 0, false);
        OutboundRecord record = IntervalRecords.toRecord("post-zw-03-l1", report);

        assertThat(record.device()).isEqualTo("post-zw-03-l1");
        assertThat(record.kind()).isEqualTo("counter.interval");
        assertThat(record.priority()).isEqualTo(Priority.NORMAL);
        assertThat(record.time()).isEqualTo(Instant.ofEpochSecond(1_700_000_040L));
        assertThat(record.measurements()).extracting(Measurement::name).containsExactly(
                "interval", "count", "count/motorcycle", "count/short", "count/medium", "count/long", "count/very-long",
                "count/unclassified", "count/wrong-way", "speed/mean", "occupancy");
        Map<String, Measurement> values = byName(record);
        assertThat(values.get("interval")).isEqualTo(Measurement.number("interval", "s", 60));
        assertThat(values.get("count")).isEqualTo(Measurement.number("count", "count", 12));
        assertThat(values.get("count/short")).isEqualTo(Measurement.number("count/short", "count", 7));
        assertThat(values.get("count/very-long")).isEqualTo(Measurement.number("count/very-long", "count", 0));
        assertThat(values.get("count/unclassified").number()).isEqualTo(1.0);
        assertThat(values.get("count/wrong-way").number()).isEqualTo(1.0);
        assertThat(values.get("speed/mean")).isEqualTo(Measurement.number("speed/mean", "m/s", 17.12));
        assertThat(values.get("occupancy")).isEqualTo(Measurement.number("occupancy", "%", 4.57));
    }

    @Test
    void everyLengthClassIsOneOfTheVocabularys() {
        assertThat(Arrays.stream(LengthClass.values()).map(LengthClass::id)).containsExactlyElementsOf(CounterInterval.LENGTH_CLASSES);
    }

    @Test
    void flagsAndLateCountAppearOnlyWhenSet() {
        IntervalReport report = new IntervalReport(T0, Duration.ofSeconds(60), true, 3, classes(0, 1, 0, 0, 0), 2, 0,
                OptionalDouble.of(10), 1, true, 2, true);
        Map<String, Measurement> values = byName(IntervalRecords.toRecord("l1", report));
        assertThat(values.get("partial")).isEqualTo(Measurement.flag("partial", true));
        assertThat(values.get("late")).isEqualTo(Measurement.number("late", "count", 2));
        assertThat(values.get("fault")).isEqualTo(Measurement.flag("fault", true));
    }

    @Test
    void anEmptyIntervalHasNoSpeedButStillCountsZero() {
        IntervalReport report = new IntervalReport(T0, Duration.ofSeconds(60), true, 0, classes(0, 0, 0, 0, 0), 0, 0,
                OptionalDouble.empty(), 0, false, 0, false);
        Map<String, Measurement> values = byName(IntervalRecords.toRecord("l1", report));
        assertThat(values).doesNotContainKeys("speed/mean", "partial", "late", "fault");
        assertThat(values.get("count").number()).isZero();
        assertThat(values.get("occupancy").number()).isZero();
    }

    @Test
    void aSingleLoopIntervalHasNoClassOrDirectionCounts() {
        IntervalReport report = new IntervalReport(T0, Duration.ofSeconds(300), false, 4, Map.of(), 0, 0,
                OptionalDouble.empty(), 2.5, false, 0, false);
        OutboundRecord record = IntervalRecords.toRecord("l1", report);
        assertThat(record.measurements()).extracting(Measurement::name).containsExactly("interval", "count", "occupancy");
        assertThat(byName(record).get("interval").number()).isEqualTo(300.0);
    }
}
