package cn.taihang.simulator.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SoakGrowthTest {

    private static final long MIB = 1_048_576;

    private static SoakDay day(int n, long bridgeHeapMib, int bridgeFds, long gatewayHeapMib, int gatewayThreads) {
        return new SoakDay(n, Map.of("bridge", new ProcessSample(bridgeHeapMib * MIB, 200 * MIB, bridgeFds, 40),
                "gw-a", new ProcessSample(gatewayHeapMib * MIB, 100 * MIB, 50, gatewayThreads)), 0, 0, 0, 0, List.of());
    }

    @Test
    void growthIsMeasuredFromTheWarmedUpFirstDayToTheLastAndIsTheLargestOfAnyProcess() {
        List<SoakDay> days = List.of(day(0, 10, 60, 5, 30), day(1, 30, 80, 8, 35), day(2, 31, 80, 9, 35), day(3, 34, 83, 8, 36));

        SoakGrowth growth = SoakGrowth.of(days);

        assertThat(growth.baselineDay()).as("day 0 is before the warm-up").isEqualTo(1);
        assertThat(growth.heapMib()).isCloseTo(4.0, within(1e-9));
        assertThat(growth.fileDescriptors()).isEqualTo(3);
        assertThat(growth.threads()).isEqualTo(1);
        assertThat(growth.perProcess()).containsKeys("bridge", "gw-a");
        assertThat(growth.perProcess().get("gw-a").heapMib()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void aProcessThatShrankCountsAsNoGrowthAndOneDayIsMeasuredFromTheStart() {
        SoakGrowth growth = SoakGrowth.of(List.of(day(0, 40, 90, 9, 40), day(1, 30, 80, 8, 35)));

        assertThat(growth.baselineDay()).isZero();
        assertThat(growth.heapMib()).isZero();
        assertThat(growth.fileDescriptors()).isZero();
        assertThat(growth.threads()).isZero();
    }

    @Test
    void growthNeedsASimulatedDay() {
        assertThatThrownBy(() -> SoakGrowth.of(List.of(day(0, 1, 1, 1, 1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one simulated day");
    }
}
