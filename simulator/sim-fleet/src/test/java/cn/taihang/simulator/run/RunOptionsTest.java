package cn.taihang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.counter.domain.LaneConfig;
import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.fleet.GatewayPlan;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's options are checked before anything starts, and every interval it accepts is one the lanes accept. */
@Tag("unit")
class RunOptionsTest {

    private static final Path DIR = Path.of("run/test");

    private static RunOptions withInterval(int seconds) {
        return new RunOptions(0, GatewayFleet.Mode.IN_PROCESS, 0, seconds, 1, -1, 1, DIR, DIR);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 30, 60, 900, 3600})
    void anAcceptedIntervalGivesLanesAConfigurationTheyTake(int seconds) {
        withInterval(seconds);
        LaneConfig lane = LaneConfig.builder("lane-1", 17).interval(Duration.ofSeconds(seconds))
                .grace(Duration.ofSeconds(GatewayPlan.graceSeconds(seconds))).build();
        assertThat(lane.grace()).isLessThan(lane.interval());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 7, 3601, 7200})
    void anIntervalThatDoesNotTileAnHourIsRefusedNamingTheOption(int seconds) {
        assertThatThrownBy(() -> withInterval(seconds)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--interval").hasMessageContaining("divide an hour").hasMessageContaining("was " + seconds);
    }

    @ParameterizedTest
    @ValueSource(ints = {24, -2})
    void anHourOutsideTheDayIsRefused(int hour) {
        assertThatThrownBy(() -> new RunOptions(0, GatewayFleet.Mode.IN_PROCESS, 0, 30, 1, hour, 1, DIR, DIR))
                .hasMessageContaining("--hour").hasMessageContaining("was " + hour);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, 1e6})
    void aTrafficScaleOutOfRangeIsRefused(double scale) {
        assertThatThrownBy(() -> new RunOptions(0, GatewayFleet.Mode.IN_PROCESS, 0, 30, scale, -1, 1, DIR, DIR)).hasMessageContaining("--scale");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536})
    void aPortOutOfRangeIsRefused(int port) {
        assertThatThrownBy(() -> new RunOptions(0, GatewayFleet.Mode.IN_PROCESS, port, 30, 1, -1, 1, DIR, DIR)).hasMessageContaining("--http-port");
    }
}
