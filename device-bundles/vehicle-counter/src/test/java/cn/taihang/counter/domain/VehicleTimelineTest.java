package cn.taihang.counter.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class VehicleTimelineTest {

    private static final long T0 = 1_700_000_040_000_000L;

    @Test
    void aForwardVehicleFollowsThePhysics() {
        // L = 4.5 m, v = 20 m/s, Lloop = 2 m, d = 4 m
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, true).pass(T0, 4.5, 20.0);
        assertThat(timeline.edges()).containsExactly(
                new LoopEdge(Loop.A, true, T0),
                new LoopEdge(Loop.B, true, T0 + 200_000),
                new LoopEdge(Loop.A, false, T0 + 325_000),
                new LoopEdge(Loop.B, false, T0 + 525_000));
        assertThat(timeline.occupancyMicros(4.5, 20.0)).isEqualTo(325_000);
    }

    @Test
    void aWrongWayVehicleIsTheMirrorImage() {
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, true).wrongWay(T0, 4.5, 20.0);
        assertThat(timeline.edges()).containsExactly(
                new LoopEdge(Loop.B, true, T0),
                new LoopEdge(Loop.A, true, T0 + 200_000),
                new LoopEdge(Loop.B, false, T0 + 325_000),
                new LoopEdge(Loop.A, false, T0 + 525_000));
    }

    @Test
    void aShortVehicleLeavesLoopABeforeReachingLoopB() {
        // motorcycle L = 1.5 m at 10 m/s: A off at 0.35 s, B on at 0.4 s
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, true).pass(T0, 1.5, 10.0);
        assertThat(timeline.edges()).extracting(LoopEdge::loop, LoopEdge::occupied)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Loop.A, true),
                        org.assertj.core.groups.Tuple.tuple(Loop.A, false),
                        org.assertj.core.groups.Tuple.tuple(Loop.B, true),
                        org.assertj.core.groups.Tuple.tuple(Loop.B, false));
    }

    @Test
    void overlappingOccupanciesOfOneLoopMergeLikeARealDetector() {
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, false)
                .occupy(Loop.A, T0, T0 + 500)
                .occupy(Loop.A, T0 + 400, T0 + 900)
                .occupy(Loop.A, T0 + 900, T0 + 1_000)
                .occupy(Loop.A, T0 + 2_000, T0 + 3_000);
        assertThat(timeline.edges(Loop.A)).containsExactly(
                new LoopEdge(Loop.A, true, T0),
                new LoopEdge(Loop.A, false, T0 + 1_000),
                new LoopEdge(Loop.A, true, T0 + 2_000),
                new LoopEdge(Loop.A, false, T0 + 3_000));
    }

    @Test
    void aGlitchInvertsTheLevelWhereverItFalls() {
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, false)
                .occupy(Loop.A, T0 + 1_000, T0 + 2_000)
                .glitch(Loop.A, T0, 10)
                .glitch(Loop.A, T0 + 1_500, 10)
                .glitch(Loop.A, T0 + 1_995, 10);
        assertThat(timeline.edges(Loop.A)).containsExactly(
                new LoopEdge(Loop.A, true, T0),
                new LoopEdge(Loop.A, false, T0 + 10),
                new LoopEdge(Loop.A, true, T0 + 1_000),
                new LoopEdge(Loop.A, false, T0 + 1_500),
                new LoopEdge(Loop.A, true, T0 + 1_510),
                new LoopEdge(Loop.A, false, T0 + 1_995),
                new LoopEdge(Loop.A, true, T0 + 2_000),
                new LoopEdge(Loop.A, false, T0 + 2_005));
    }

    @Test
    void aGlitchEndingOnAnEdgeCancelsIt() {
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, false)
                .occupy(Loop.A, T0 + 1_000, T0 + 2_000)
                .glitch(Loop.A, T0 + 990, 10);
        assertThat(timeline.edges(Loop.A)).containsExactly(
                new LoopEdge(Loop.A, true, T0 + 990),
                new LoopEdge(Loop.A, false, T0 + 2_000));
    }

    @Test
    void aStuckLoopNeverGoesOff() {
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, true).stuckFrom(Loop.B, T0).pass(T0 + 1_000, 4.0, 10.0);
        assertThat(timeline.edges(Loop.B)).containsExactly(new LoopEdge(Loop.B, true, T0));
    }

    @Test
    void aSingleLoopLaneHasOnlyLoopAEdges() {
        VehicleTimeline timeline = VehicleTimeline.forLane(LaneConfig.builder("l1", 17).build()).pass(T0, 4.5, 20.0);
        assertThat(timeline.edges()).containsExactly(new LoopEdge(Loop.A, true, T0), new LoopEdge(Loop.A, false, T0 + 325_000));
        assertThatThrownBy(() -> timeline.wrongWay(T0, 4.0, 10.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no loop B");
        assertThatThrownBy(() -> timeline.edges(Loop.B)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void impossibleInputIsRefused() {
        VehicleTimeline timeline = new VehicleTimeline(2.0, 4.0, true);
        assertThatThrownBy(() -> timeline.pass(T0, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length and speed must be positive");
        assertThatThrownBy(() -> timeline.pass(T0, 4, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timeline.occupy(Loop.A, T0, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timeline.glitch(Loop.A, T0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VehicleTimeline(0, 4, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
