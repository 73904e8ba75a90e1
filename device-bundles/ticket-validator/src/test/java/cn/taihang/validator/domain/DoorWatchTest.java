package cn.taihang.validator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.validator.domain.DoorWatch.Phase;
import cn.taihang.validator.domain.DoorWatch.Step;
import cn.taihang.validator.domain.DoorWatch.StepKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The door of one slot, driven by edges and an injected clock: no waiting. */
@Tag("unit")
class DoorWatchTest {

    private static final Instant T0 = Instant.parse("2025-05-01T04:00:00Z");
    private static final DoorWatch.Timings TIMES = new DoorWatch.Timings(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofMillis(500));

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    @Test
    void openedThenShutCompletesAtTheCloseOnceTheDoorHasSettled() {
        DoorWatch w = new DoorWatch(TIMES);
        w.unlock(T0);
        assertThat(w.nextDeadline()).contains(at(30));
        assertThat(w.tick(at(29.9))).isEmpty();
        assertThat(w.door(true, at(4))).containsExactly(new Step(StepKind.OPENED, at(4)));
        assertThat(w.nextDeadline()).as("the alarm time").contains(at(124));
        assertThat(w.door(false, at(20))).isEmpty();
        assertThat(w.phase()).isEqualTo(Phase.CLOSING);
        assertThat(w.tick(at(20.4))).isEmpty();
        assertThat(w.tick(at(20.5))).containsExactly(new Step(StepKind.COMPLETED, at(20)));
        assertThat(w.phase()).isEqualTo(Phase.SHUT);
        assertThat(w.available()).isTrue();
        assertThat(w.nextDeadline()).isEmpty();
    }

    @Test
    void aDoorNeverOpenedExpiresAndTheSlotIsFreeAgain() {
        DoorWatch w = new DoorWatch(TIMES);
        w.unlock(T0);
        assertThat(w.door(false, at(3))).as("a closed level repeated").isEmpty();
        assertThat(w.tick(at(45))).containsExactly(new Step(StepKind.EXPIRED, at(30)));
        assertThat(w.inSession()).isFalse();
        assertThat(w.available()).isTrue();
        assertThat(w.door(true, at(46))).as("opening after the window is forcing a locked door").containsExactly(new Step(StepKind.FORCED_OPEN, at(46)));
    }

    @Test
    void contactBounceDoesNotCompleteAndTheLastCloseCounts() {
        DoorWatch w = new DoorWatch(TIMES);
        w.unlock(T0);
        w.door(true, at(2));
        w.door(false, at(10));
        w.door(true, at(10.003));
        w.door(false, at(10.006));
        w.door(true, at(10.2));
        assertThat(w.tick(at(11))).as("open again: nothing to complete").isEmpty();
        w.door(false, at(15));
        assertThat(w.tick(at(15.2))).isEmpty();
        assertThat(w.tick(at(16))).containsExactly(new Step(StepKind.COMPLETED, at(15)));
    }

    @Test
    void aDoorLeftOpenRaisesOnceAndClearsWhenItShuts() {
        DoorWatch w = new DoorWatch(TIMES);
        w.unlock(T0);
        w.door(true, at(5));
        assertThat(w.tick(at(124.9))).isEmpty();
        assertThat(w.tick(at(125))).containsExactly(new Step(StepKind.LEFT_OPEN, at(5)));
        assertThat(w.tick(at(500))).as("raised once").isEmpty();
        assertThat(w.alarmed()).isTrue();
        w.door(false, at(600));
        assertThat(w.tick(at(601))).containsExactly(new Step(StepKind.COMPLETED, at(600)), new Step(StepKind.CLEARED, at(600)));
        assertThat(w.alarmed()).isFalse();
    }

    @Test
    void aForcedDoorAlarmsAtOnceAndClearsWithoutCompletingAnything() {
        DoorWatch w = new DoorWatch(TIMES);
        assertThat(w.door(true, at(1))).containsExactly(new Step(StepKind.FORCED_OPEN, at(1)));
        assertThat(w.available()).as("no pass while its door is open").isFalse();
        assertThat(w.tick(at(1000))).as("already alarmed").isEmpty();
        w.door(false, at(1001));
        assertThat(w.tick(at(1002))).containsExactly(new Step(StepKind.CLEARED, at(1001)));
        assertThat(w.available()).isTrue();
        assertThatThrownBy(() -> {
            w.unlock(at(1003));
            w.unlock(at(1004));
        }).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDoorOpenForAPassWhenTheGatewayStoppedIsWatchedAgain() {
        DoorWatch stillOpen = DoorWatch.resumed(TIMES, at(0), true, at(60));
        assertThat(stillOpen.phase()).isEqualTo(Phase.OPEN);
        assertThat(stillOpen.tick(at(130))).containsExactly(new Step(StepKind.LEFT_OPEN, at(0)));
        DoorWatch shutMeanwhile = DoorWatch.resumed(TIMES, at(0), false, at(60));
        assertThat(shutMeanwhile.tick(at(61))).as("completed at the restart: the close was not seen").isEqualTo(List.of(new Step(StepKind.COMPLETED, at(60))));
    }

    @Test
    void timingsAreValidated() {
        assertThatThrownBy(() -> new DoorWatch.Timings(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DoorWatch.Timings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
