package cn.taihang.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class LaneCounterDetectionTest {

    /** A multiple of 60 s: 2023-11-14T22:14:00Z. */
    static final long T0 = 1_700_000_040_000_000L;
    private static final long MS = 1_000;
    private static final long S = 1_000_000;

    private final List<DetectedVehicle> vehicles = new ArrayList<>();

    private LaneCounter counter(LaneConfig config) {
        return new LaneCounter(config, T0, vehicles::add);
    }

    private static LaneConfig dual() {
        return LaneConfig.builder("post-zw-03-l1", 17).loopBPin(27).build();
    }

    private static void feed(LaneCounter counter, VehicleTimeline timeline) {
        timeline.edges().forEach(counter::onEdge);
    }

    @ParameterizedTest(name = "L={0} m at v={1} m/s over {2} m loops {3} m apart")
    @CsvSource({
        "4.5, 20.0, 2.0, 4.0",
        "1.9, 25.0, 2.0, 4.0",
        "12.0, 8.0, 2.0, 4.0",
        "17.1, 22.2, 2.0, 4.0",
        "7.0, 1.5, 2.0, 4.0",
        "4.2, 33.3, 2.0, 4.0",
        "4.8, 16.7, 1.8, 5.5",
        "2.1, 12.0, 1.5, 1.5"})
    void speedAndLengthAreMeasuredFromTheLoopTimes(double length, double speed, double loopLength, double spacing) {
        LaneConfig config = LaneConfig.builder("l1", 17).loopBPin(27).loopLengthMeters(loopLength)
                .loopSpacingMeters(spacing).build();
        LaneCounter counter = counter(config);
        VehicleTimeline timeline = VehicleTimeline.forLane(config).pass(T0 + 5 * S, length, speed);
        feed(counter, timeline);
        counter.advanceTo(T0 + 30 * S);

        assertThat(vehicles).hasSize(1);
        DetectedVehicle vehicle = vehicles.get(0);
        assertThat(vehicle.detection()).isEqualTo(Detection.CLASSIFIED);
        assertThat(vehicle.timeMicros()).isEqualTo(T0 + 5 * S);
        assertThat(vehicle.speedMps().orElseThrow()).isCloseTo(speed, within(speed * 1e-4));
        assertThat(vehicle.lengthMeters().orElseThrow()).isCloseTo(length, within(1e-3));
        assertThat(vehicle.lengthClass()).contains(config.classifier().classify(length));
        assertThat(vehicle.loopAOccupancyMicros()).isEqualTo(timeline.occupancyMicros(length, speed));
        assertThat(vehicle.loopBOccupancyMicros()).isCloseTo(timeline.occupancyMicros(length, speed), within(1L));
    }

    @Test
    void roundFiguresComeOutExactly() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true).pass(T0, 4.5, 20.0));
        counter.advanceTo(T0 + S);
        DetectedVehicle vehicle = vehicles.get(0);
        assertThat(vehicle.speedMps().orElseThrow()).isCloseTo(20.0, within(1e-12));
        assertThat(vehicle.lengthMeters().orElseThrow()).isCloseTo(4.5, within(1e-12));
        assertThat(vehicle.loopAOccupancyMicros()).isEqualTo(325_000);
        assertThat(vehicle.loopBOccupancyMicros()).isEqualTo(325_000);
    }

    @Test
    void eachLengthLandsInItsClassOnEitherSideOfTheBoundaries() {
        LaneCounter counter = counter(dual());
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, true);
        double[] lengths = {2.4, 2.6, 5.5, 5.7, 8.9, 9.1, 12.9, 13.1};
        for (int i = 0; i < lengths.length; i++) {
            timeline.pass(T0 + i * 5 * S, lengths[i], 15.0);
        }
        feed(counter, timeline);
        counter.advanceTo(T0 + 60 * S);
        assertThat(vehicles).extracting(v -> v.lengthClass().orElseThrow()).containsExactly(
                LengthClass.MOTORCYCLE, LengthClass.SHORT, LengthClass.SHORT, LengthClass.MEDIUM,
                LengthClass.MEDIUM, LengthClass.LONG, LengthClass.LONG, LengthClass.VERY_LONG);
    }

    @Test
    void vehiclesFollowingCloselyArePairedInOrder() {
        LaneCounter counter = counter(dual());
        // the car reaches loop A while the coach is still over loop B
        feed(counter, new VehicleTimeline(2.0, 4.0, true).pass(T0, 12.0, 10.0).pass(T0 + 1_500 * MS, 4.5, 10.0));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).hasSize(2);
        assertThat(vehicles.get(0).lengthMeters().orElseThrow()).isCloseTo(12.0, within(1e-6));
        assertThat(vehicles.get(1).lengthMeters().orElseThrow()).isCloseTo(4.5, within(1e-6));
        assertThat(vehicles).allMatch(v -> v.detection() == Detection.CLASSIFIED);
    }

    @Test
    void aVehicleDrivingFromBToAIsWrongWayAndNotClassified() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true).wrongWay(T0, 4.5, 20.0));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).hasSize(1);
        DetectedVehicle vehicle = vehicles.get(0);
        assertThat(vehicle.detection()).isEqualTo(Detection.WRONG_WAY);
        assertThat(vehicle.timeMicros()).as("loop A's leading edge").isEqualTo(T0 + 200 * MS);
        assertThat(vehicle.lengthClass()).isEmpty();
        assertThat(vehicle.speedMps().orElseThrow()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void loopAWithoutLoopBIsUnclassifiedOnceTheTimeoutPasses() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true).occupy(Loop.A, T0, T0 + 300 * MS));
        counter.advanceTo(T0 + 3_300 * MS);
        assertThat(vehicles).isEmpty();
        counter.advanceTo(T0 + 3_300 * MS + 1);
        assertThat(vehicles).containsExactly(DetectedVehicle.counted(Detection.MISSING_LOOP_B, T0, 300 * MS, 0));
        assertThat(vehicles.get(0).detection().unclassified()).isTrue();
    }

    @Test
    void aLaneChangerDoesNotStealTheNextVehiclesLoopB() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true)
                .occupy(Loop.A, T0, T0 + 400 * MS)
                .pass(T0 + 2 * S, 4.5, 20.0));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).extracting(DetectedVehicle::detection)
                .containsExactly(Detection.MISSING_LOOP_B, Detection.CLASSIFIED);
        assertThat(vehicles.get(1).speedMps().orElseThrow()).isCloseTo(20.0, within(1e-9));
        assertThat(vehicles.get(1).lengthMeters().orElseThrow()).isCloseTo(4.5, within(1e-9));
    }

    @Test
    void aMotorcycleLeavingLoopABeforeReachingLoopBIsStillPaired() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true).pass(T0, 1.2, 6.0));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).singleElement().satisfies(v -> {
            assertThat(v.detection()).isEqualTo(Detection.CLASSIFIED);
            assertThat(v.lengthClass()).contains(LengthClass.MOTORCYCLE);
        });
    }

    @Test
    void loopBWithoutLoopAIsUnclassifiedAtLoopBsTime() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true).occupy(Loop.B, T0 + S, T0 + 1_300 * MS));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).containsExactly(DetectedVehicle.counted(Detection.MISSING_LOOP_A, T0 + S, 0, 300 * MS));
    }

    @Test
    void anImpossibleSpeedIsCountedUnclassified() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true)
                .occupy(Loop.A, T0, T0 + 300 * MS)
                .occupy(Loop.B, T0 + 30 * MS, T0 + 330 * MS));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).singleElement().satisfies(v -> {
            assertThat(v.detection()).isEqualTo(Detection.IMPLAUSIBLE);
            assertThat(v.speedMps()).isEmpty();
            assertThat(v.loopBOccupancyMicros()).isEqualTo(300 * MS);
        });
    }

    @Test
    void anImpossibleLengthIsCountedUnclassified() {
        LaneCounter counter = counter(dual());
        // 10 m/s but loop A occupied for 5 s: 48 m
        feed(counter, new VehicleTimeline(2.0, 4.0, true)
                .occupy(Loop.A, T0, T0 + 5 * S)
                .occupy(Loop.B, T0 + 400 * MS, T0 + 5_400 * MS));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).extracting(DetectedVehicle::detection).containsExactly(Detection.IMPLAUSIBLE);
    }

    @Test
    void aDropOutInsideAnOccupancyDoesNotSplitTheVehicle() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true).pass(T0, 12.0, 30.0)
                .glitch(Loop.A, T0 + 100 * MS, 5 * MS)
                .glitch(Loop.B, T0 + 200 * MS, 5 * MS));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).singleElement().satisfies(v -> {
            assertThat(v.detection()).isEqualTo(Detection.CLASSIFIED);
            assertThat(v.speedMps().orElseThrow()).isCloseTo(30.0, within(1e-3));
            assertThat(v.lengthMeters().orElseThrow()).isCloseTo(12.0, within(1e-3));
        });
    }

    @Test
    void spikesOnFreeLoopsCountNothing() {
        LaneCounter counter = counter(dual());
        feed(counter, new VehicleTimeline(2.0, 4.0, true)
                .glitch(Loop.A, T0, 19 * MS)
                .glitch(Loop.B, T0 + S, 10 * MS));
        counter.advanceTo(T0 + 30 * S);
        assertThat(vehicles).isEmpty();
        assertThat(counter.status().loopA().glitches()).isEqualTo(1);
        assertThat(counter.status().loopB().orElseThrow().glitches()).isEqualTo(1);
    }

    @Test
    void aStuckLoopAIsAFaultUntilItFreesAndItsVehicleIsNotCounted() {
        LaneCounter counter = counter(dual());
        counter.onEdge(Loop.A, true, T0);
        counter.advanceTo(T0 + 120 * S);
        assertThat(counter.status().loopA().stuck()).isFalse();
        counter.advanceTo(T0 + 121 * S);
        assertThat(counter.status().loopA().stuck()).isTrue();
        assertThat(counter.status().loopA().occupiedSinceMicros()).isEqualTo(T0);

        feed(counter, new VehicleTimeline(2.0, 4.0, true).occupy(Loop.B, T0 + 130 * S, T0 + 130_300 * MS));
        counter.advanceTo(T0 + 131 * S);
        assertThat(vehicles).containsExactly(DetectedVehicle.counted(Detection.LOOP_FAULT, T0 + 130 * S, 0, 300 * MS));

        counter.onEdge(Loop.A, false, T0 + 140 * S);
        counter.advanceTo(T0 + 141 * S);
        assertThat(counter.status().loopA().stuck()).isFalse();
        assertThat(vehicles).hasSize(1);

        feed(counter, new VehicleTimeline(2.0, 4.0, true).pass(T0 + 150 * S, 4.5, 20.0));
        counter.advanceTo(T0 + 151 * S);
        assertThat(vehicles).extracting(DetectedVehicle::detection).containsExactly(Detection.LOOP_FAULT, Detection.CLASSIFIED);
    }

    @Test
    void whileLoopBIsStuckVehiclesOnLoopAAreCountedWithoutWaiting() {
        LaneCounter counter = counter(dual());
        counter.onEdge(Loop.B, true, T0);
        counter.advanceTo(T0 + 121 * S);
        assertThat(counter.status().loopB().orElseThrow().stuck()).isTrue();
        assertThat(vehicles).as("a B-only candidate is dropped at the fault").isEmpty();

        feed(counter, new VehicleTimeline(2.0, 4.0, true).occupy(Loop.A, T0 + 130 * S, T0 + 130_300 * MS));
        counter.advanceTo(T0 + 130_400 * MS);
        assertThat(vehicles).containsExactly(DetectedVehicle.counted(Detection.LOOP_FAULT, T0 + 130 * S, 300 * MS, 0));

        counter.onEdge(Loop.B, false, T0 + 140 * S);
        feed(counter, new VehicleTimeline(2.0, 4.0, true).pass(T0 + 150 * S, 4.5, 20.0));
        counter.advanceTo(T0 + 151 * S);
        assertThat(counter.status().loopB().orElseThrow().stuck()).isFalse();
        assertThat(vehicles).extracting(DetectedVehicle::detection).containsExactly(Detection.LOOP_FAULT, Detection.CLASSIFIED);
    }

    @Test
    void aVehicleSeenOnAWhileBWasStuckOnIsNotMistakenForWrongWay() {
        LaneCounter counter = counter(dual());
        counter.onEdge(Loop.B, true, T0);
        feed(counter, new VehicleTimeline(2.0, 4.0, true).occupy(Loop.A, T0 + 10 * S, T0 + 10_300 * MS));
        counter.advanceTo(T0 + 60 * S);
        assertThat(vehicles).isEmpty();
        counter.advanceTo(T0 + 121 * S);
        assertThat(vehicles).containsExactly(DetectedVehicle.counted(Detection.LOOP_FAULT, T0 + 10 * S, 300 * MS, 0));
    }

    @Test
    void edgesConfirmedOutOfOrderAcrossLoopsAreReordered() {
        LaneCounter counter = counter(dual());
        // a bounce on loop B confirms B's leading edge while loop A's earlier leading edge is still pending
        counter.onEdge(Loop.A, true, T0);
        counter.onEdge(Loop.B, true, T0 + 133 * MS);
        counter.onEdge(Loop.B, false, T0 + 200 * MS);
        counter.onEdge(Loop.B, true, T0 + 205 * MS);
        counter.onEdge(Loop.A, false, T0 + 467 * MS);
        counter.onEdge(Loop.B, false, T0 + 600 * MS);
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).extracting(DetectedVehicle::detection).containsExactly(Detection.CLASSIFIED);
        assertThat(vehicles.get(0).speedMps().orElseThrow()).isCloseTo(4.0 / 0.133, within(1e-9));
    }

    @Test
    void aLoopOccupiedAtStartIsTimedForFaultsButItsVehicleIsNotCounted() {
        LaneCounter counter = counter(dual());
        counter.observeInitialLevel(Loop.A, true, T0);
        counter.observeInitialLevel(Loop.B, false, T0);
        assertThat(counter.status().loopA().occupied()).isTrue();
        counter.onEdge(Loop.A, false, T0 + 2 * S);
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).isEmpty();
        assertThat(counter.status().loopA().occupied()).isFalse();

        LaneCounter stuckAtStart = counter(dual());
        stuckAtStart.observeInitialLevel(Loop.B, true, T0);
        stuckAtStart.advanceTo(T0 + 121 * S);
        assertThat(stuckAtStart.status().loopB().orElseThrow().stuck()).isTrue();
    }

    @Test
    void anInitialLevelReadAfterAnEdgeIsIgnored() {
        LaneCounter counter = counter(dual());
        counter.onEdge(Loop.A, true, T0);
        counter.observeInitialLevel(Loop.A, false, T0 + 1);
        feed(counter, new VehicleTimeline(2.0, 4.0, true).occupy(Loop.B, T0 + 200 * MS, T0 + 525 * MS));
        counter.onEdge(Loop.A, false, T0 + 325 * MS);
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).extracting(DetectedVehicle::detection).containsExactly(Detection.CLASSIFIED);
    }

    @Test
    void aSingleLoopLaneOnlyCounts() {
        LaneConfig config = LaneConfig.builder("l2", 22).build();
        LaneCounter counter = counter(config);
        feed(counter, VehicleTimeline.forLane(config).pass(T0, 4.5, 20.0).pass(T0 + 2 * S, 12, 10));
        counter.advanceTo(T0 + 10 * S);
        assertThat(vehicles).containsExactly(
                DetectedVehicle.counted(Detection.COUNT_ONLY, T0, 325 * MS, 0),
                DetectedVehicle.counted(Detection.COUNT_ONLY, T0 + 2 * S, 1_400 * MS, 0));
        assertThat(counter.status().loopB()).isEmpty();
        assertThatThrownBy(() -> counter.onEdge(Loop.B, true, T0 + 20 * S))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lane l2 has no loop B (loopBPin is -1)");
    }

    @Test
    void aStuckSingleLoopCountsNothing() {
        LaneConfig config = LaneConfig.builder("l2", 22).maxOccupied(Duration.ofSeconds(10)).build();
        LaneCounter counter = counter(config);
        counter.onEdge(Loop.A, true, T0);
        counter.advanceTo(T0 + 11 * S);
        assertThat(counter.status().loopA().stuck()).isTrue();
        counter.onEdge(Loop.A, false, T0 + 20 * S);
        counter.advanceTo(T0 + 21 * S);
        assertThat(vehicles).isEmpty();
        assertThat(counter.status().loopA().stuck()).isFalse();
    }
}
