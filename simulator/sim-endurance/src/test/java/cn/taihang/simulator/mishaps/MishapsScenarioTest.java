package cn.taihang.simulator.mishaps;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mishaps scenario, shortened: four gateway processes under load, one mishap each (a backup restored, a card
 * re-flashed, a card cloned and run beside the original, a store damaged); nothing acknowledged may be lost or dropped
 * silently, the restore's reissued numbers must be flagged as conflicts, and every mishap's end state must be reached.
 * {@code ./taihang sim mishaps} runs the long form.
 */
@Tag("e2e")
class MishapsScenarioTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "../../edge-gateway/distribution/target/taihang-gateway"));

    @TempDir
    Path runDir;

    @Test
    void noMishapLosesARecordSilentlyAndEachIsSeen() throws Exception {
        MishapVerdict verdict = MishapsRun.run(new ScenarioLoader().load("jincheng"), new MishapsOptions(20, 4, 5, 120, runDir, DIST.toAbsolutePath()),
                System.out);

        assertThat(verdict.expectations()).hasSize(5).allSatisfy(e -> assertThat(e.met()).as("%s: %s (%s)", e.mishap(), e.expected(), e.found()).isTrue());
        assertThat(verdict.lost()).as("acknowledged records found nowhere").isZero();
        assertThat(verdict.silentDrops()).isZero();
        assertThat(verdict.conflictsFlagged()).as("the restored store's reissued numbers").isPositive();
        assertThat(verdict.delivered()).isGreaterThan(500);
        assertThat(verdict.resultLine()).startsWith("RESULT mishaps lost=0 silent_drops=0 conflicts_flagged=").endsWith(" wrong_end_states=0");
    }
}
