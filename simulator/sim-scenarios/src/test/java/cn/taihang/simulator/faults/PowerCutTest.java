package cn.taihang.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.taihang.simulator.scenario.ScenarioLoader;
import cn.taihang.slots.SlotState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power cut anywhere (issue 13, item 4): one real gateway process — Felix booted from its A/B slots by the launcher,
 * updated by the real bridge over HTTPS and MQTT-TLS — gets {@code kill -9} at each step of one update in turn
 * (download, verify, staged, switch, trial, commit), triggered from outside by its step reports and its slot and
 * download files. After every cut it must boot again with every component up, on the old or the new release, its store
 * passing SQLite's integrity check and opening with exactly the rows counted while it was down, and no record its
 * outbox acknowledged missing from both the store and the bridge; in the end it runs the new release and the bridge
 * holds every acknowledged record.
 */
@Tag("e2e")
class PowerCutTest {

    private static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "../../edge-gateway/distribution/target/taihang-gateway"));

    @TempDir
    Path runDir;

    @Test
    void aGatewayCutAtEveryUpdateStepBootsIntoAWorkingSlotWithItsStoreIntact() throws Exception {
        RolloutOptions options = new RolloutOptions(1, PowerCuts.STEPS.size(), false, 50, 125_000, 300, 300, runDir, DIST.toAbsolutePath(),
                RolloutCommand.faultyBundle());

        RolloutResult result = RolloutRun.run(new ScenarioLoader().load("jincheng"), options, System.out);

        List<PowerCuts.Cut> cuts = result.cutList();
        assertThat(cuts).extracting(PowerCuts.Cut::step).as("one cut at each step, in update order").containsExactlyElementsOf(PowerCuts.STEPS);
        for (PowerCuts.Cut cut : cuts) {
            assertThat(cut.readyAgain()).as("up again after the cut at %s", cut.step()).isTrue();
            assertThat(cut.releaseAfter()).as("old or new release after the cut at %s", cut.step()).isIn(SlotState.FACTORY, RolloutRun.GOOD);
            assertThat(cut.integrity()).as("store integrity after the cut at %s", cut.step()).isEqualTo("ok");
            assertThat(cut.rowsAtOpen()).as("rows the store opened with after the cut at %s", cut.step()).isEqualTo(cut.rowsAtCut());
            assertThat(cut.missing()).as("acknowledged records missing after the cut at %s", cut.step()).isZero();
        }
        assertThat(cuts.get(0).partialBytes()).as("the first cut landed mid-download").isPositive();
        assertThat(cuts.get(cuts.size() - 1).releaseAfter()).as("a cut after the commit keeps the new release").isEqualTo(RolloutRun.GOOD);
        assertThat(cuts).filteredOn(c -> c.step().equals("trying")).extracting(PowerCuts.Cut::releaseAfter)
                .as("a trial cut short is rolled back on the next boot").containsExactly(SlotState.FACTORY);
        assertThat(result.updated()).as("the update still completes").isEqualTo(1);
        assertThat(result.bricked()).isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(result.cutsUnfired()).isZero();
    }
}
