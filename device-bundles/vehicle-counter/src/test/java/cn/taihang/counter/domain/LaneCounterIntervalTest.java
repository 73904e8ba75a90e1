package cn.taihang.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LaneCounterIntervalTest {

    private static final long T0 = LaneCounterDetectionTest.T0;
    private static final long MS = 1_000;
    private static final long S = 1_000_000;
    private static final long MIN = 60 * S;

    private static LaneConfig.Builder dual() {
        return LaneConfig.builder("post-zw-03-l1", 17).loopBPin(27);
    }

    private static void feed(LaneCounter counter, VehicleTimeline timeline) {
        timeline.edges().forEach(counter::onEdge);
    }

    private static VehicleTimeline timeline() {
        return new VehicleTimeline(2.0, 4.0, true);
    }

    @Test
    void emptyIntervalsAreReportedAndTheFirstIsPartial() {
        LaneCounter counter = new LaneCounter(dual().build(), T0 + 10 * S);
        assertThat(counter.advanceTo(T0 + 65 * S - 1)).isEmpty();

        List<IntervalReport> first = counter.advanceTo(T0 + 65 * S);
        assertThat(first).singleElement().satisfies(report -> {
            assertThat(report.startMicros()).isEqualTo(T0);
            assertThat(report.start()).isEqualTo(Instant.parse("2023-11-14T22:14:00Z"));
            assertThat(report.length()).isEqualTo(Duration.ofMinutes(1));
            assertThat(report.partial()).isTrue();
            assertThat(report.count()).isZero();
            assertThat(report.classCounts()).hasSize(5).allSatisfy((c, n) -> assertThat(n).isZero());
            assertThat(report.meanSpeedMps()).isEmpty();
            assertThat(report.occupancyPercent()).isZero();
            assertThat(report.fault()).isFalse();
        });

        List<IntervalReport> next = counter.advanceTo(T0 + 3 * MIN + 5 * S);
        assertThat(next).extracting(IntervalReport::startMicros).containsExactly(T0 + MIN, T0 + 2 * MIN);
        assertThat(next).allSatisfy(report -> {
            assertThat(report.partial()).isFalse();
            assertThat(report.count()).isZero();
        });
    }

    @Test
    void aStartOnAnIntervalBoundaryIsNotPartial() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        assertThat(counter.advanceTo(T0 + 65 * S)).singleElement().satisfies(r -> assertThat(r.partial()).isFalse());
    }

    @Test
    void aVehicleBelongsToTheIntervalOfItsLoopALeadingEdgeIfItCompletesWithinTheGrace() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        feed(counter, timeline().pass(T0 + 59_900 * MS, 4.5, 20.0));
        counter.advanceTo(T0 + 60_100 * MS);
        assertThat(counter.status().intervalStartMicros()).isEqualTo(T0 + MIN);
        assertThat(counter.status().intervalCount()).isZero();

        List<IntervalReport> closed = counter.advanceTo(T0 + 65 * S);
        assertThat(closed).singleElement().satisfies(report -> {
            assertThat(report.count()).isEqualTo(1);
            assertThat(report.count(LengthClass.SHORT)).isEqualTo(1);
            assertThat(report.late()).isZero();
            assertThat(report.meanSpeedMps().orElseThrow()).isCloseTo(20.0, within(1e-9));
        });
        assertThat(counter.advanceTo(T0 + 125 * S)).singleElement().satisfies(r -> assertThat(r.count()).isZero());
    }

    @Test
    void aVehicleCompletingAfterItsIntervalClosedIsCountedLateInTheNextOpenOne() {
        LaneCounter counter = new LaneCounter(dual().grace(Duration.ofSeconds(1)).build(), T0);
        feed(counter, timeline().occupy(Loop.A, T0 + 59_500 * MS, T0 + 59_800 * MS));
        assertThat(counter.advanceTo(T0 + 61 * S)).singleElement().satisfies(r -> assertThat(r.count()).isZero());
        counter.advanceTo(T0 + 63 * S);
        assertThat(counter.status().intervalCount()).isEqualTo(1);

        assertThat(counter.advanceTo(T0 + 121 * S)).singleElement().satisfies(report -> {
            assertThat(report.startMicros()).isEqualTo(T0 + MIN);
            assertThat(report.count()).isEqualTo(1);
            assertThat(report.unclassified()).isEqualTo(1);
            assertThat(report.late()).isEqualTo(1);
        });
    }

    @Test
    void countsAddUpPerClassUnclassifiedAndWrongWay() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        feed(counter, timeline()
                .pass(T0 + 1 * S, 1.9, 10.0)
                .pass(T0 + 5 * S, 4.5, 20.0)
                .pass(T0 + 9 * S, 4.7, 30.0)
                .pass(T0 + 13 * S, 7.0, 15.0)
                .pass(T0 + 17 * S, 12.0, 12.0)
                .pass(T0 + 21 * S, 16.5, 13.0)
                .wrongWay(T0 + 30 * S, 4.5, 8.0)
                .occupy(Loop.A, T0 + 40 * S, T0 + 40_300 * MS)
                .occupy(Loop.B, T0 + 50 * S, T0 + 50_300 * MS));
        IntervalReport report = counter.advanceTo(T0 + 65 * S).get(0);
        assertThat(report.count()).isEqualTo(9);
        assertThat(report.classCounts()).containsExactly(
                java.util.Map.entry(LengthClass.MOTORCYCLE, 1), java.util.Map.entry(LengthClass.SHORT, 2),
                java.util.Map.entry(LengthClass.MEDIUM, 1), java.util.Map.entry(LengthClass.LONG, 1),
                java.util.Map.entry(LengthClass.VERY_LONG, 1));
        assertThat(report.unclassified()).isEqualTo(2);
        assertThat(report.wrongWay()).isEqualTo(1);
        assertThat(report.classCounts().values().stream().mapToInt(Integer::intValue).sum()
                + report.unclassified() + report.wrongWay()).isEqualTo(report.count());
        assertThat(report.meanSpeedMps().orElseThrow()).as("classified only, wrong-way excluded")
                .isCloseTo((10.0 + 20 + 30 + 15 + 12 + 13) / 6, within(1e-4));
    }

    @Test
    void occupancyIsTheShareOfTheIntervalLoopAWasOccupied() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        // three cars each occupying loop A for 325 ms
        feed(counter, timeline().pass(T0 + 10 * S, 4.5, 20.0).pass(T0 + 20 * S, 4.5, 20.0).pass(T0 + 30 * S, 4.5, 20.0));
        IntervalReport report = counter.advanceTo(T0 + 65 * S).get(0);
        assertThat(report.occupancyPercent()).isCloseTo(100.0 * 3 * 0.325 / 60, within(1e-9));
    }

    @Test
    void occupancyIsSplitAtIntervalBoundaries() {
        LaneCounter counter = new LaneCounter(LaneConfig.builder("l", 17).build(), T0);
        feed(counter, new VehicleTimeline(2.0, 4.0, false).occupy(Loop.A, T0 + 59_500 * MS, T0 + 60_500 * MS));
        List<IntervalReport> reports = counter.advanceTo(T0 + 125 * S);
        assertThat(reports).hasSize(2);
        assertThat(reports).allSatisfy(r -> assertThat(r.occupancyPercent()).isCloseTo(100.0 * 0.5 / 60, within(1e-9)));
        assertThat(reports).extracting(IntervalReport::count).containsExactly(1, 0);
    }

    @Test
    void aLoopStillOccupiedWhenItsIntervalClosesCountsUpToTheEnd() {
        LaneCounter counter = new LaneCounter(LaneConfig.builder("l", 17).build(), T0);
        counter.onEdge(Loop.A, true, T0 + 30 * S);
        assertThat(counter.advanceTo(T0 + 65 * S)).singleElement()
                .satisfies(r -> assertThat(r.occupancyPercent()).isCloseTo(50.0, within(1e-9)));
        counter.onEdge(Loop.A, false, T0 + 90 * S);
        assertThat(counter.advanceTo(T0 + 125 * S)).singleElement().satisfies(report -> {
            assertThat(report.occupancyPercent()).isCloseTo(50.0, within(1e-9));
            assertThat(report.count()).isEqualTo(1);
            assertThat(report.late()).isEqualTo(1);
        });
    }

    @Test
    void theOccupancyOfAPartialIntervalIsOfItsObservedPart() {
        LaneCounter counter = new LaneCounter(LaneConfig.builder("l", 17).build(), T0 + 30 * S);
        counter.onEdge(Loop.A, true, T0 + 40 * S);
        counter.onEdge(Loop.A, false, T0 + 55 * S);
        assertThat(counter.advanceTo(T0 + 65 * S)).singleElement()
                .satisfies(r -> assertThat(r.occupancyPercent()).isCloseTo(50.0, within(1e-9)));
    }

    @Test
    void aSingleLoopLaneReportsCountAndOccupancyOnly() {
        LaneConfig config = LaneConfig.builder("l", 17).build();
        LaneCounter counter = new LaneCounter(config, T0);
        feed(counter, VehicleTimeline.forLane(config).pass(T0 + S, 4.5, 20).pass(T0 + 5 * S, 12, 10));
        IntervalReport report = counter.advanceTo(T0 + 65 * S).get(0);
        assertThat(report.dualLoop()).isFalse();
        assertThat(report.count()).isEqualTo(2);
        assertThat(report.classCounts()).isEmpty();
        assertThat(report.count(LengthClass.SHORT)).isZero();
        assertThat(report.unclassified()).isZero();
        assertThat(report.meanSpeedMps()).isEmpty();
        assertThat(report.occupancyPercent()).isCloseTo(100.0 * (0.325 + 1.4) / 60, within(1e-9));
    }

    @Test
    void intervalsDuringAStuckLoopAreFlagged() {
        LaneCounter counter = new LaneCounter(dual().maxOccupied(Duration.ofSeconds(10)).build(), T0);
        counter.onEdge(Loop.B, true, T0 + 30 * S);
        assertThat(counter.advanceTo(T0 + 65 * S)).singleElement().satisfies(r -> assertThat(r.fault()).isTrue());
        counter.onEdge(Loop.B, false, T0 + 130 * S);
        List<IntervalReport> reports = counter.advanceTo(T0 + 245 * S);
        assertThat(reports).extracting(IntervalReport::fault).containsExactly(true, true, false);
    }

    @Test
    void aShortFaultBetweenTwoClosesStillFlagsItsInterval() {
        LaneCounter counter = new LaneCounter(dual().maxOccupied(Duration.ofSeconds(1)).build(), T0);
        counter.onEdge(Loop.A, true, T0 + 10 * S);
        counter.advanceTo(T0 + 12 * S);
        counter.onEdge(Loop.A, false, T0 + 13 * S);
        counter.advanceTo(T0 + 14 * S);
        assertThat(counter.status().loopA().stuck()).isFalse();
        assertThat(counter.advanceTo(T0 + 125 * S)).extracting(IntervalReport::fault).containsExactly(true, false);
    }

    @Test
    void aClockSteppingForwardByMoreThanAnHourRestartsInsteadOfInventingEmptyIntervals() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        feed(counter, timeline().pass(T0 + 10 * S, 4.5, 20));
        counter.advanceTo(T0 + 20 * S);
        List<IntervalReport> closed = counter.advanceTo(T0 + 3 * 60 * MIN + 30 * S);
        assertThat(closed).singleElement().satisfies(report -> {
            assertThat(report.startMicros()).isEqualTo(T0);
            assertThat(report.count()).isEqualTo(1);
            assertThat(report.partial()).isTrue();
        });
        assertThat(counter.advanceTo(T0 + 3 * 60 * MIN + 65 * S)).singleElement().satisfies(report -> {
            assertThat(report.startMicros()).isEqualTo(T0 + 3 * 60 * MIN);
            assertThat(report.partial()).isTrue();
        });
    }

    @Test
    void anHourOfSilenceIsStillReportedIntervalByInterval() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        assertThat(counter.advanceTo(T0 + 60 * MIN + 5 * S)).hasSize(60).allSatisfy(r -> assertThat(r.count()).isZero());
    }

    @Test
    void aClockSteppingBackClosesWhatIsOpenAndStartsAgain() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        feed(counter, timeline().pass(T0 + 10 * S, 4.5, 20));
        counter.advanceTo(T0 + 30 * S);
        assertThat(counter.advanceTo(T0 + 20 * S)).as("a small step back is ignored").isEmpty();
        List<IntervalReport> closed = counter.advanceTo(T0 - 10 * MIN);
        assertThat(closed).singleElement().satisfies(report -> {
            assertThat(report.startMicros()).isEqualTo(T0);
            assertThat(report.count()).isEqualTo(1);
            assertThat(report.partial()).isTrue();
        });
        assertThat(counter.advanceTo(T0 - 9 * MIN + 5 * S)).singleElement().satisfies(report -> {
            assertThat(report.startMicros()).isEqualTo(T0 - 10 * MIN);
            assertThat(report.partial()).isFalse();
        });
    }

    @Test
    void flushClosesTheIntervalInProgressAsPartial() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        feed(counter, timeline().pass(T0 + 10 * S, 4.5, 20).pass(T0 + 62 * S, 4.5, 20));
        List<IntervalReport> flushed = counter.flush(T0 + 63 * S);
        assertThat(flushed).extracting(IntervalReport::startMicros).containsExactly(T0, T0 + MIN);
        assertThat(flushed).extracting(IntervalReport::count).containsExactly(1, 1);
        assertThat(flushed).extracting(IntervalReport::partial).containsExactly(false, true);
        assertThat(counter.advanceTo(T0 + 125 * S)).singleElement().satisfies(report -> {
            assertThat(report.count()).as("not counted twice").isZero();
            assertThat(report.partial()).isTrue();
        });
    }

    @Test
    void theStatusShowsTheIntervalInProgress() {
        LaneCounter counter = new LaneCounter(dual().build(), T0);
        feed(counter, timeline().pass(T0 + 70 * S, 4.5, 20).pass(T0 + 80 * S, 12, 20));
        counter.advanceTo(T0 + 85 * S);
        assertThat(counter.status().intervalStartMicros()).isEqualTo(T0 + MIN);
        assertThat(counter.status().intervalCount()).isEqualTo(2);
    }
}
