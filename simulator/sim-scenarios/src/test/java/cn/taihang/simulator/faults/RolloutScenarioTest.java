package cn.taihang.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./taihang sim rollout}, small: three gateway processes (a city hub as the canary, a county hub, a service
 * area), two power cuts each across the six update steps during the good release, then the bad release, which must be
 * rolled back on the canary and go no further; the RESULT figures and the report.
 */
@Tag("e2e")
class RolloutScenarioTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "../../edge-gateway/distribution/target/taihang-gateway"));

    @TempDir
    Path runDir;

    @Test
    void aGoodReleaseReachesEveryGatewayThroughPowerCutsAndABadOneStopsAtTheCanary() throws Exception {
        RolloutOptions options = new RolloutOptions(3, 2, true, 50, 125_000, 300, 300, runDir, DIST.toAbsolutePath(), RolloutCommand.faultyBundle());

        RolloutResult result = RolloutRun.run(new ScenarioLoader().load("jincheng"), options, System.out);

        assertThat(result.resultLine()).isEqualTo("RESULT rollout updated=3 of=3 bad_release_rolled_back=1 bad_release_beyond_canary=0 bricked=0 lost=0");
        assertThat(result.cutList()).extracting(PowerCuts.Cut::step).containsExactlyInAnyOrderElementsOf(PowerCuts.STEPS);
        assertThat(result.cutsNotIntact()).isZero();
        assertThat(result.cutsUnfired()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(runDir.resolve("rollout.png")).isNotEmptyFile();
        assertThat(Files.readString(runDir.resolve("report.html"))).contains("Power cuts 断电", result.resultLine());
        assertThat(result.exact()).isTrue();
    }
}
