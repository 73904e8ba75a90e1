package cn.taihang.slots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SlotManagerTest {

    @TempDir
    Path dir;

    final AtomicLong clock = new AtomicLong(1_000_000);
    final List<String> restarts = new ArrayList<>();
    Path factory;
    Path downloads;

    @BeforeEach
    void distribution() throws IOException {
        factory = Files.createDirectories(dir.resolve("dist/bundles"));
        Files.writeString(factory.resolve("framework.properties"), "shared.bundles=slf4j.api\n");
        Files.writeString(factory.resolve("core.jar"), "core 1");
        Files.writeString(factory.resolve("counter.jar"), "counter 1");
        downloads = Files.createDirectories(dir.resolve("downloads"));
    }

    SlotManager open() throws IOException {
        SlotManager m = SlotManager.open(dir.resolve("data/slots"), factory, "raspberry-pi-4", Set.of("slf4j.api"), clock::get);
        m.onRestart(restarts::add);
        return m;
    }

    /** Stages a release of core (held) + a new counter (downloaded). */
    void stage(SlotManager m, String release, String counter) throws Exception {
        Path fresh = Files.writeString(downloads.resolve(release + ".jar"), counter);
        Staging staging = m.beginStaging(release, "r-1");
        Path core = m.heldBundles().get(SlotFiles.contentHash(factory.resolve("core.jar")));
        staging.add("core.jar", SlotFiles.contentHash(core), Files.size(core), core);
        staging.add("counter.jar", SlotFiles.contentHash(fresh), Files.size(fresh), fresh);
        staging.finish("{\"release\":1}".getBytes(StandardCharsets.UTF_8), List.of("slf4j.api"));
    }

    /** @return the manager after a boot, a staged release switched to, and the restart: booted on trial */
    SlotManager bootedOnTrial(String release, int deadlineSeconds) throws Exception {
        SlotManager m = open();
        m.planBoot();
        stage(m, release, "counter 2");
        m.switchTo(release, deadlineSeconds);
        SlotManager trial = open();
        trial.planBoot();
        return trial;
    }

    @Test
    void aNewGatewayBootsTheDistributionsOwnBundles() throws Exception {
        BootPlan plan = open().planBoot();
        assertThat(plan.slot()).isEqualTo(SlotState.FACTORY);
        assertThat(plan.bundlesDir()).isEqualTo(factory);
        assertThat(plan.trying()).isFalse();
    }

    @Test
    void stagedSwitchedTriedOnceAndCommitted() throws Exception {
        SlotManager m = open();
        m.planBoot();
        stage(m, "2026.12.1", "counter 2");
        assertThat(m.state().phase()).isEqualTo(Phase.STAGED);
        assertThat(m.state().pending().slot()).isEqualTo("a");
        assertThat(Files.readString(dir.resolve("data/slots/a/bundles/framework.properties"))).contains("shared.bundles=slf4j.api");
        m.switchTo("2026.12.1", 120);
        assertThat(restarts).containsExactly("switch to release 2026.12.1");

        SlotManager afterSwitch = open();
        BootPlan plan = afterSwitch.planBoot();
        assertThat(plan.trying()).isTrue();
        assertThat(plan.slot()).isEqualTo("a");
        assertThat(plan.deadlineSeconds()).isEqualTo(120);
        assertThat(afterSwitch.state().pending().attempts()).isEqualTo(1);
        clock.addAndGet(7000);
        afterSwitch.commit("2026.12.1");
        assertThat(afterSwitch.state().committed()).isEqualTo("a");
        assertThat(afterSwitch.state().previousRelease()).isEqualTo(SlotState.FACTORY);
        assertThat(afterSwitch.state().phase()).isEqualTo(Phase.IDLE);
        assertThat(afterSwitch.unreported()).extracting(SlotEvent::step).containsExactly("trying", "committed");
        assertThat(afterSwitch.unreported().get(1).detail()).contains("7 s on trial");

        SlotManager rebooted = open();
        assertThat(rebooted.planBoot().slot()).isEqualTo("a");
        assertThat(rebooted.heldBundles()).as("the committed slot's bundles and the distribution's").hasSize(3);
        stage(rebooted, "2026.12.2", "counter 3");
        assertThat(rebooted.state().pending().slot()).as("never the committed slot").isEqualTo("b");
    }

    @Test
    void aTrialInterruptedByARestartIsRolledBackOnTheNextBoot() throws Exception {
        SlotManager m = open();
        m.planBoot();
        stage(m, "2026.12.1", "counter 2");
        m.switchTo("2026.12.1", 60);
        assertThat(open().planBoot().trying()).isTrue();
        // power cut while on trial: the next boot must not try again
        SlotManager again = open();
        BootPlan plan = again.planBoot();
        assertThat(plan.trying()).isFalse();
        assertThat(plan.slot()).isEqualTo(SlotState.FACTORY);
        assertThat(plan.notes()).singleElement().asString().contains("interrupted");
        assertThat(again.unreported()).extracting(SlotEvent::step).containsExactly("trying", "rolled-back");
        assertThat(again.state().phase()).isEqualTo(Phase.IDLE);
        assertThat(open().planBoot().slot()).isEqualTo(SlotState.FACTORY);
    }

    @Test
    void theGateKeepsATrialFromCommittingAndARollbackRestartsIntoTheCommittedSlot() throws Exception {
        SlotManager trial = bootedOnTrial("2026.12.1", 60);
        trial.commitGate(() -> List.of("component Counter failed to activate: boom"));
        assertThatThrownBy(() -> trial.commit("2026.12.1")).isInstanceOf(SlotException.class).hasMessageContaining("boom");
        assertThat(trial.state().phase()).isEqualTo(Phase.TRYING);
        trial.rollback("2026.12.1", "health gate: component Counter failed to activate");
        assertThat(restarts).endsWith("roll back release 2026.12.1");
        SlotManager after = open();
        assertThat(after.planBoot().slot()).isEqualTo(SlotState.FACTORY);
        assertThat(after.unreported()).last().satisfies(e -> {
            assertThat(e.step()).isEqualTo("rolled-back");
            assertThat(e.detail()).contains("health gate", "back on factory");
            assertThat(e.rollout()).isEqualTo("r-1");
        });
    }

    @Test
    void anInterruptedStagingNeverBootsAndIsStartedAfresh() throws Exception {
        SlotManager m = open();
        m.planBoot();
        Staging staging = m.beginStaging("2026.12.1", "");
        Path core = factory.resolve("core.jar");
        staging.add("core.jar", SlotFiles.contentHash(core), Files.size(core), core);
        SlotManager rebooted = open();
        assertThat(rebooted.state().phase()).isEqualTo(Phase.STAGING);
        assertThat(rebooted.planBoot().slot()).isEqualTo(SlotState.FACTORY);
        assertThatThrownBy(() -> rebooted.switchTo("2026.12.1", 60)).isInstanceOf(SlotException.class).hasMessageContaining("STAGING");
        stage(rebooted, "2026.12.1", "counter 2");
        assertThat(rebooted.state().phase()).isEqualTo(Phase.STAGED);
    }

    @Test
    void aBundleWithOtherContentThanItsHashIsNotStaged() throws Exception {
        SlotManager m = open();
        Staging staging = m.beginStaging("2026.12.1", "");
        Path core = factory.resolve("core.jar");
        assertThatThrownBy(() -> staging.add("core.jar", "0".repeat(64), Files.size(core), core)).hasMessageContaining("does not have the content");
        assertThat(staging.slotDir().resolve("bundles/core.jar")).doesNotExist();
        assertThatThrownBy(() -> staging.add("../core.jar", "0".repeat(64), 1, core)).hasMessageContaining("plain .jar file name");
    }

    @Test
    void aDiscardedStagingCannotFinishAndTrialsCannotBeDiscarded() throws Exception {
        SlotManager m = open();
        Staging staging = m.beginStaging("2026.12.1", "");
        assertThat(m.discard("2026.12.1", "rollout cancelled")).isTrue();
        assertThatThrownBy(() -> staging.finish(new byte[1], List.of())).isInstanceOf(SlotException.class).hasMessageContaining("superseded");
        assertThat(m.discard("2026.12.1", "again")).isFalse();
        stage(m, "2026.12.1", "counter 2");
        m.switchTo("2026.12.1", 60);
        assertThatThrownBy(() -> m.discard("2026.12.1", "no")).isInstanceOf(SlotException.class);
        assertThatThrownBy(() -> m.beginStaging("2026.12.2", "")).isInstanceOf(SlotException.class).hasMessageContaining("on trial");
    }

    @Test
    void aDamagedCommittedSlotFallsBackToTheDistribution() throws Exception {
        SlotManager trial = bootedOnTrial("2026.12.1", 60);
        trial.commit("2026.12.1");
        Files.delete(dir.resolve("data/slots/a/bundles/framework.properties"));
        SlotManager after = open();
        BootPlan plan = after.planBoot();
        assertThat(plan.slot()).isEqualTo(SlotState.FACTORY);
        assertThat(plan.notes()).singleElement().asString().contains("damaged");
    }

    @Test
    void reportedEventsAreForgottenAndADamagedStateFileIsRefusedWithWhatToDo() throws Exception {
        SlotManager m = open();
        stage(m, "2026.12.1", "counter 2");
        assertThat(m.discard("2026.12.1", "cancelled")).isTrue();
        long id = m.unreported().get(0).id();
        m.reported(id);
        assertThat(open().unreported()).isEmpty();
        Files.writeString(dir.resolve("data/slots/state.properties.tmp"), "half a state");
        assertThat(open().state().phase()).as("a temporary file left by a power cut is not the state").isEqualTo(Phase.IDLE);
        Files.writeString(dir.resolve("data/slots/state.properties"), "format=1\ncommitted=c\n");
        assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("damaged").hasMessageContaining("state.properties.bak");
    }
}
