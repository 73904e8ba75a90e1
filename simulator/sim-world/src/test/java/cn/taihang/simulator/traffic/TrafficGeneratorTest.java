package cn.taihang.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.counter.domain.LengthClassifier;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TrafficGeneratorTest {

    private static final long HOUR_MICROS = 3_600_000_000L;

    @Test
    void volumeFollowsThePeakAndTheDailyProfile() {
        TrafficGenerator peak = new TrafficGenerator(300, "hub", 1, 4, 2, 8);
        TrafficGenerator night = new TrafficGenerator(300, "hub", 1, 4, 2, 3);
        int atPeak = peak.generate(0, HOUR_MICROS, new SplittableRandom(1)).size();
        int atNight = night.generate(0, HOUR_MICROS, new SplittableRandom(1)).size();
        assertThat(atPeak).isBetween(250, 350);
        assertThat(atNight).isBetween(0, 20);
    }

    @Test
    void vehiclesNeverOverlapOnTheLoops() {
        TrafficGenerator dense = new TrafficGenerator(3000, "hub", 10, 4, 2, 8);
        List<SimulatedVehicle> vehicles = dense.generate(0, HOUR_MICROS / 4, new SplittableRandom(3));
        for (int i = 1; i < vehicles.size(); i++) {
            SimulatedVehicle previous = vehicles.get(i - 1);
            long clearsLoopB = previous.frontAtLoopAMicros() + (long) ((4 + previous.lengthMeters() + 2) / previous.speedMetersPerSecond() * 1e6);
            assertThat(vehicles.get(i).frontAtLoopAMicros()).isGreaterThan(clearsLoopB);
        }
    }

    @Test
    void lengthsStayClearOfTheCountersClassBoundaries() {
        List<SimulatedVehicle> vehicles = new TrafficGenerator(3000, "tourist-road", 1, 4, 2, 10).generate(0, HOUR_MICROS, new SplittableRandom(5));
        double[] boundaries = LengthClassifier.defaults().boundariesMeters();
        assertThat(vehicles).hasSizeGreaterThan(1000).allSatisfy(v -> {
            for (double b : boundaries) {
                assertThat(Math.abs(v.lengthMeters() - b)).isGreaterThan(0.1);
            }
        });
        assertThat(vehicles.stream().map(SimulatedVehicle::kind).distinct()).hasSize(VehicleKind.values().length);
    }

    @Test
    void theSameSeedDrivesTheSameTraffic() {
        assertThat(new TrafficGenerator(500, "tourist-road", 1, 4, 2, 10).generate(0, HOUR_MICROS, new SplittableRandom(9)))
                .isEqualTo(new TrafficGenerator(500, "tourist-road", 1, 4, 2, 10).generate(0, HOUR_MICROS, new SplittableRandom(9)));
    }

    @Test
    void theHeadwayHoldsAcrossSuccessiveWindows() {
        TrafficGenerator dense = new TrafficGenerator(3000, "hub", 10, 4, 2, 8);
        SplittableRandom random = new SplittableRandom(4);
        List<SimulatedVehicle> vehicles = new java.util.ArrayList<>();
        for (long t = 0; t < HOUR_MICROS / 6; t += 2_000_000) {
            vehicles.addAll(dense.generate(t, t + 2_000_000, random));
        }
        assertThat(vehicles).hasSizeGreaterThan(100);
        for (int i = 1; i < vehicles.size(); i++) {
            SimulatedVehicle previous = vehicles.get(i - 1);
            long clearsLoopB = previous.frontAtLoopAMicros() + (long) ((4 + previous.lengthMeters() + 2) / previous.speedMetersPerSecond() * 1e6);
            assertThat(vehicles.get(i).frontAtLoopAMicros()).isGreaterThan(clearsLoopB);
        }
    }
}
