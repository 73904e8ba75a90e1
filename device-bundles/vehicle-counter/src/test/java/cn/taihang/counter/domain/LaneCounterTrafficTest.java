package cn.taihang.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole hours of synthetic traffic against ground truth, and storms of nonsense edges. */
@Tag("unit")
class LaneCounterTrafficTest {

    private static final long T0 = LaneCounterDetectionTest.T0;
    private static final long S = 1_000_000;
    private static final double[] TYPICAL_LENGTHS = {2.0, 4.3, 4.7, 5.1, 6.5, 8.0, 10.5, 12.0, 16.5, 18.0};

    private record Truth(long frontAtA, double length, double speed) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void anHourOfTrafficIsCountedExactlyPerIntervalAndClass(long seed) {
        Random random = new Random(seed);
        LaneConfig config = LaneConfig.builder("l1", 17).loopBPin(27).build();
        VehicleTimeline timeline = VehicleTimeline.forLane(config);
        List<Truth> truths = new ArrayList<>();
        long t = T0 + 3 * S;
        long lastBOff = 0;
        while (t < T0 + 3600 * S) {
            double length = TYPICAL_LENGTHS[random.nextInt(TYPICAL_LENGTHS.length)] + random.nextDouble() * 0.4 - 0.2;
            double speed = 6 + random.nextDouble() * 26;
            long bOn = t + Math.round(config.loopSpacingMeters() / speed * 1e6);
            if (bOn > lastBOff + 200_000) {
                truths.add(new Truth(t, length, speed));
                timeline.pass(t, length, speed);
                lastBOff = bOn + timeline.occupancyMicros(length, speed);
                timeline.glitch(Loop.A, t + timeline.occupancyMicros(length, speed) / 2, 3_000);
                t += timeline.occupancyMicros(length, speed) + 300_000 + (long) (random.nextDouble() * 5 * S);
            } else {
                t += 500_000;
            }
        }

        LaneCounter counter = new LaneCounter(config, T0);
        List<IntervalReport> reports = new ArrayList<>();
        long clock = T0;
        for (LoopEdge edge : timeline.edges()) {
            while (clock + 250_000 < edge.timestampMicros()) {
                clock += 250_000;
                reports.addAll(counter.advanceTo(clock));
            }
            counter.onEdge(edge);
        }
        for (; clock <= T0 + 3610 * S; clock += 250_000) {
            reports.addAll(counter.advanceTo(clock));
        }

        Map<Long, Map<LengthClass, Integer>> expected = new HashMap<>();
        for (Truth truth : truths) {
            expected.computeIfAbsent(config.intervalStartMicros(truth.frontAtA()), k -> new EnumMap<>(LengthClass.class))
                    .merge(config.classifier().classify(truth.length()), 1, Integer::sum);
        }
        assertThat(reports).hasSize(60);
        for (IntervalReport report : reports) {
            Map<LengthClass, Integer> classes = expected.getOrDefault(report.startMicros(), Map.of());
            for (LengthClass c : LengthClass.values()) {
                assertThat(report.count(c)).as("%s at %s", c, report.start()).isEqualTo(classes.getOrDefault(c, 0));
            }
            assertThat(report.unclassified() + report.wrongWay() + report.late()).isZero();
            assertThat(report.partial()).isFalse();
        }
        assertThat(reports.stream().mapToInt(IntervalReport::count).sum()).isEqualTo(truths.size());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void aStormOfNonsenseEdgesNeitherCrashesNorLosesOrDoublesAVehicle(long seed) {
        Random random = new Random(seed);
        LaneConfig config = LaneConfig.builder("l1", 17).loopBPin(27).build();
        List<DetectedVehicle> vehicles = new ArrayList<>();
        LaneCounter counter = new LaneCounter(config, T0 + 7 * S, vehicles::add);
        List<IntervalReport> reports = new ArrayList<>();
        long now = T0 + 7 * S;
        for (int i = 0; i < 20_000; i++) {
            now += (long) (random.nextDouble() * 400_000);
            long jitter = (long) (random.nextGaussian() * 30_000);
            switch (random.nextInt(10)) {
                case 0 -> reports.addAll(counter.advanceTo(now + jitter));
                case 1 -> now += random.nextInt(5) == 0 ? 200 * S : 0;
                default -> counter.onEdge(random.nextBoolean() ? Loop.A : Loop.B, random.nextBoolean(), now + jitter);
            }
        }
        List<IntervalReport> tail = new ArrayList<>();
        assertThatCode(() -> tail.addAll(counter.flush(T0 + 10_000 * 1_000 * S))).doesNotThrowAnyException();
        reports.addAll(tail);

        assertThat(reports.stream().mapToInt(IntervalReport::count).sum()).isEqualTo(vehicles.size());
        assertThat(vehicles).isNotEmpty();
        for (IntervalReport report : reports) {
            int classified = report.classCounts().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(classified + report.unclassified() + report.wrongWay()).isEqualTo(report.count());
            assertThat(report.occupancyPercent()).isBetween(0.0, 100.0);
            assertThat(report.late()).isBetween(0, report.count());
            assertThat(report.startMicros() % config.intervalMicros()).isZero();
        }
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).startMicros()).as("intervals never repeat or go back")
                    .isGreaterThan(reports.get(i - 1).startMicros());
        }
    }
}
