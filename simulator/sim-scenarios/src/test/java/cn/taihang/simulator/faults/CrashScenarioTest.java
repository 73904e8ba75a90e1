package cn.taihang.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash scenario, shortened: two gateway processes under load, two faults of each kind (kill -9 of a gateway,
 * mosquitto stopped and killed, the bridge process stopped and killed), then every record a gateway's outbox
 * acknowledged must be at the bridge exactly once. {@code ./taihang sim crash} runs the long form.
 */
@Tag("e2e")
class CrashScenarioTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "../../edge-gateway/distribution/target/taihang-gateway"));

    @TempDir
    Path runDir;

    @Test
    void faultsOfEveryKindLoseNothingAndCountNothingTwice() throws Exception {
        assertTrue(MosquittoProcess.installed(), "needs the Debian package mosquitto (CI installs it); run ./taihang tools --install (./taihang test does it first)");
        CrashOptions options = new CrashOptions(2, 2, 100, 7, new long[] {500, 1500}, new long[] {100, 1000}, 90, runDir,
                DIST.toAbsolutePath());

        CrashRun.CrashResult result = CrashRun.run(new ScenarioLoader().load("jincheng"), options, System.out);

        assertThat(result.leastFaultsPerKind()).isEqualTo(2);
        assertThat(result.drainMillis()).as("the backlog drained after the load stopped").isNotNegative();
        CrashVerdict verdict = result.verdict();
        assertThat(verdict.lost()).as("acknowledged records missing at the bridge").isZero();
        assertThat(verdict.duplicated()).as("records counted twice at the bridge").isZero();
        assertThat(verdict.delivered()).isGreaterThan(1000);
        assertThat(verdict.historical()).as("records replayed after an outage are marked historical").isPositive();
    }
}
