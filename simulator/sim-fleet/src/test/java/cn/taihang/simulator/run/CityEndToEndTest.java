package cn.taihang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.simulator.fleet.GatewayFleet;
import cn.taihang.simulator.scenario.Scenario;
import cn.taihang.simulator.scenario.ScenarioLoader;
import cn.taihang.simulator.truth.CountComparison;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bridge + embedded broker + real gateways of the Jincheng scenario with traffic on their loops: per
 * lane and interval, the counts at the bridge's API equal the simulator's ground truth.
 */
@Tag("e2e")
class CityEndToEndTest {

    private static final int INTERVAL_SECONDS = 10;
    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "../../edge-gateway/distribution/target/taihang-gateway"));

    @TempDir
    Path runDir;

    private final Scenario scenario = new ScenarioLoader().load("jincheng");

    @Test
    void threeInProcessGatewaysCountExactlyWhatWasDriven() throws Exception {
        runAndCompare(new RunOptions(3, GatewayFleet.Mode.IN_PROCESS, 0, INTERVAL_SECONDS, 12, 10, 7, runDir, DIST.toAbsolutePath()), 3);
    }

    @Test
    void aGatewayInItsOwnProcessCountsExactlyWhatWasDriven() throws Exception {
        runAndCompare(new RunOptions(1, GatewayFleet.Mode.PROCESSES, 0, INTERVAL_SECONDS, 12, 10, 11, runDir, DIST.toAbsolutePath()), 1);
    }

    private void runAndCompare(RunOptions options, int gateways) throws Exception {
        PrintStream out = System.out;
        try (NetworkRun run = NetworkRun.start(scenario, options, out)) {
            assertThat(run.started()).hasSize(gateways).allSatisfy(s -> assertThat(s.ready()).as(s.detail()).isTrue());
            await().atMost(30, TimeUnit.SECONDS).until(() -> run.client().gatewaysOnline() == gateways);
            await().atMost(30, TimeUnit.SECONDS).until(() -> run.traffic().vehiclesDriven() > 0);

            long intervalMillis = INTERVAL_SECONDS * 1000L;
            long now = System.currentTimeMillis();
            long stopAt = (now / intervalMillis + 3) * intervalMillis;
            run.traffic().stopGeneratingAt(stopAt * 1000);
            await().atMost(90, TimeUnit.SECONDS).until(() -> run.traffic().idle());

            Instant from = Instant.ofEpochMilli(stopAt - 10 * intervalMillis);
            Instant to = Instant.ofEpochMilli(stopAt);
            AtomicReference<CountComparison> last = new AtomicReference<>();
            try {
                await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    last.set(run.compare(from, to));
                    return last.get().exact() && last.get().vehiclesExpected() > 0;
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                assertThat(last.get().differences()).as("ground truth vs bridge, per lane and interval").isEmpty();
                throw e;
            }
            CountComparison comparison = last.get();
            out.printf("compared %d lane-intervals: %d vehicles driven, %d counted at the bridge%n", comparison.intervals(),
                    comparison.vehiclesExpected(), comparison.vehiclesCounted());
            assertThat(comparison.differences()).isEmpty();
            assertThat(comparison.vehiclesCounted()).isEqualTo(comparison.vehiclesExpected()).isGreaterThan(10);
            assertThat(run.traffic().vehiclesUnobserved()).isZero();
        }
    }
}
