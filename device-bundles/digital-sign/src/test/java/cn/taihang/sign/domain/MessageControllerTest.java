package cn.taihang.sign.domain;

import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.PanelSpec;

import cn.taihang.sign.rendering.TestFonts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** NTCIP 1203 message control with an injected clock: priorities, durations, end-duration, comms loss, warnings. */
@Tag("unit")
class MessageControllerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z"); // 08:00 in Jincheng
    private static final SafetyWarning FOG = new SafetyWarning("fog@vis-1", "fog", "[jp3]前方大雾", "[jp3]FOG AHEAD");
    private static final SafetyWarning ICE = new SafetyWarning("ice@rs-2", "ice", "[jp3]路面结冰", "[jp3]ICE");

    private final MessageRenderer renderer = new MessageRenderer(PanelSpec.of(192, 64, ColourScheme.MONOCHROME_1BIT, false), TestFonts.fonts());

    private MessageController controller(Duration commsLoss, DayPlan plan) {
        return new MessageController(new ControllerSettings("END", commsLoss, "NO LINK", "POWER UP", "RESET", 250, "CAUTION", plan), renderer, T0);
    }

    private MessageController controller() {
        return controller(Duration.ofMinutes(10), DayPlan.none(SHANGHAI));
    }

    private static Activation central(String multi, int priority, int minutes, Instant at) {
        return new Activation(multi, priority, minutes, "bridge", MessageOrigin.CENTRAL, at);
    }

    @Test
    void startsWithThePowerRecoveryMessage() {
        MessageController c = controller();
        assertThat(c.displayed().multi()).isEqualTo("POWER UP");
        assertThat(c.displayed().origin()).isEqualTo(MessageOrigin.POWER_RECOVERY);
        assertThat(c.displayed().priority()).isZero();
    }

    @Test
    void anActivationReplacesOnlyAtOrAboveTheRunTimePriority() throws Exception {
        MessageController c = controller();
        c.activate(central("A", 100, 30, T0), T0);
        assertThatThrownBy(() -> c.activate(central("B", 99, 30, T0), T0)).isInstanceOfSatisfying(ActivationException.class, e -> {
            assertThat(e.reason()).isEqualTo(ActivationException.Reason.PRIORITY);
            assertThat(e.getMessage()).contains("99", "100");
        });
        assertThat(c.displayed().multi()).isEqualTo("A");
        c.activate(central("C", 100, 30, T0), T0);
        assertThat(c.displayed().multi()).as("equal priority replaces").isEqualTo("C");
        c.activate(new Activation("D", 200, 5, "console:li", MessageOrigin.LOCAL, T0), T0);
        assertThat(c.displayed().multi()).isEqualTo("D");
        assertThat(c.displayed().source()).isEqualTo("console:li");
    }

    @Test
    void whenTheDurationEndsTheEndDurationMessageShowsAndAnythingMayReplaceIt() throws Exception {
        MessageController c = controller();
        c.activate(central("DEPARTURES", 50, 5, T0), T0);
        assertThat(c.displayed().expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        c.tick(T0.plusSeconds(299));
        assertThat(c.displayed().multi()).isEqualTo("DEPARTURES");
        long before = c.version();
        c.tick(T0.plusSeconds(300));
        assertThat(c.displayed().multi()).isEqualTo("END");
        assertThat(c.displayed().origin()).isEqualTo(MessageOrigin.END_DURATION);
        assertThat(c.version()).isGreaterThan(before);
        c.activate(central("LOW", 1, 5, T0.plusSeconds(301)), T0.plusSeconds(301));
        assertThat(c.displayed().multi()).isEqualTo("LOW");
    }

    @Test
    void theDurationCountsFromIssueSoALateCopyIsNeverShown() throws Exception {
        MessageController c = controller();
        Instant issued = T0;
        assertThatThrownBy(() -> c.activate(central("OLD", 50, 5, issued), T0.plusSeconds(300)))
                .isInstanceOfSatisfying(ActivationException.class, e -> assertThat(e.reason()).isEqualTo(ActivationException.Reason.EXPIRED));
        c.activate(central("LATE", 50, 5, issued), T0.plusSeconds(200));
        c.tick(T0.plusSeconds(300));
        assertThat(c.displayed().multi()).isEqualTo("END");
    }

    @Test
    void infiniteMessagesStayAndRepeatsOnlyMoveTheExpiry() throws Exception {
        MessageController c = controller(Duration.ZERO, DayPlan.none(SHANGHAI));
        c.activate(central("FOREVER", 10, Activation.INFINITE, T0), T0);
        c.tick(T0.plus(Duration.ofDays(30)));
        assertThat(c.displayed().multi()).isEqualTo("FOREVER");
        assertThat(c.displayed().expiresAt()).isNull();
        c.activate(central("SAME", 10, 5, T0), T0);
        long version = c.version();
        Instant firstUp = c.displayed().activatedAt();
        c.activate(central("SAME", 10, 5, T0.plusSeconds(120)), T0.plusSeconds(120));
        assertThat(c.displayed().activatedAt()).isEqualTo(firstUp);
        assertThat(c.displayed().expiresAt()).isEqualTo(T0.plusSeconds(420));
        assertThat(c.version()).as("a new expiry is a change of state").isEqualTo(version + 1);
    }

    @Test
    void commsLossReplacesCentralContentButNotLocal() throws Exception {
        MessageController c = controller();
        c.activate(central("FROM BRIDGE", 50, Activation.INFINITE, T0), T0);
        c.commsUp(T0.plusSeconds(60));
        c.tick(T0.plusSeconds(60 + 599));
        assertThat(c.commsLost()).isFalse();
        c.tick(T0.plusSeconds(60 + 600));
        assertThat(c.commsLost()).isTrue();
        assertThat(c.displayed().multi()).isEqualTo("NO LINK");
        assertThat(c.displayed().origin()).isEqualTo(MessageOrigin.COMMS_LOSS);

        c.activate(central("BACK", 50, 10, T0.plusSeconds(700)), T0.plusSeconds(700));
        assertThat(c.commsLost()).as("a central activation proves the link").isFalse();
        c.activate(new Activation("LOCAL", 60, Activation.INFINITE, "console", MessageOrigin.LOCAL, T0.plusSeconds(701)), T0.plusSeconds(701));
        c.tick(T0.plusSeconds(701 + 600));
        assertThat(c.commsLost()).isTrue();
        assertThat(c.displayed().multi()).as("local content is not stale when the bridge is away").isEqualTo("LOCAL");
    }

    @Test
    void aSafetyWarningGoesUpAtOnceRefusesLowerActivationsAndComesDownToTheMessageUnderneath() throws Exception {
        MessageController c = controller();
        c.activate(central("DEPARTURES", 50, 10, T0), T0);
        c.raise(FOG, T0.plusSeconds(1));
        assertThat(c.displayed().origin()).isEqualTo(MessageOrigin.SAFETY);
        assertThat(c.displayed().multi()).isEqualTo("[jp3]前方大雾[np][jp3]FOG AHEAD");
        assertThat(c.displayed().priority()).isEqualTo(250);
        assertThat(c.displayed().message().pages()).hasSize(2);
        assertThatThrownBy(() -> c.activate(central("NEW DEPARTURES", 50, 10, T0.plusSeconds(2)), T0.plusSeconds(2)))
                .isInstanceOfSatisfying(ActivationException.class, e -> assertThat(e.reason()).isEqualTo(ActivationException.Reason.PRIORITY));
        c.raise(ICE, T0.plusSeconds(3));
        assertThat(c.displayed().message().pages()).as("both warnings, Chinese and English pages").hasSize(4);
        c.clear(FOG.id(), T0.plusSeconds(4));
        assertThat(c.displayed().multi()).isEqualTo(ICE.multi());
        c.clear(ICE.id(), T0.plusSeconds(5));
        assertThat(c.displayed().multi()).isEqualTo("DEPARTURES");
        c.raise(FOG, T0.plusSeconds(6));
        c.tick(T0.plusSeconds(601));
        c.clear(FOG.id(), T0.plusSeconds(602));
        assertThat(c.displayed().multi()).as("the message underneath ended meanwhile").isEqualTo("END");
    }

    @Test
    void anActivationAboveTheSafetyPriorityOverridesWarningsUntilItEnds() throws Exception {
        MessageController c = controller();
        c.raise(FOG, T0);
        c.activate(new Activation("ROAD CLOSED", 255, 1, "police", MessageOrigin.CENTRAL, T0), T0);
        assertThat(c.displayed().multi()).isEqualTo("ROAD CLOSED");
        c.tick(T0.plusSeconds(60));
        assertThat(c.displayed().origin()).as("the fog is still there when the override ends").isEqualTo(MessageOrigin.SAFETY);
        c.clear(FOG.id(), T0.plusSeconds(61));
        assertThat(c.displayed().multi()).isEqualTo("END");
    }

    @Test
    void warningsThatDoNotFitFallBackToTheLatestThenToTheGenericWarning() {
        MessageController c = controller();
        for (int i = 0; i < 4; i++) {
            c.raise(new SafetyWarning("w" + i, "fog", "[jp3]雾" + i, "[jp3]FOG " + i), T0);
        }
        assertThat(c.displayed().multi()).as("8 pages exceed the 6 page slots").isEqualTo("[jp3]雾3[np][jp3]FOG 3");
        c.raise(new SafetyWarning("huge", "wind", "很长很长很长很长很长很长很长很长的警告", "x"), T0);
        assertThat(c.displayed().multi()).isEqualTo("CAUTION");
    }

    @Test
    void resetShowsTheResetMessageAndKeepsWarnings() throws Exception {
        MessageController c = controller();
        c.activate(central("A", 10, 10, T0), T0);
        c.reset(T0.plusSeconds(1));
        assertThat(c.displayed().multi()).isEqualTo("RESET");
        c.raise(FOG, T0.plusSeconds(2));
        c.reset(T0.plusSeconds(3));
        assertThat(c.displayed().origin()).isEqualTo(MessageOrigin.SAFETY);
    }

    @Test
    void theDayPlanCatchesUpAtStartAndFiresOnTime() throws Exception {
        DayPlan plan = DayPlan.parse(List.of("06:30|20|65535|WELCOME", "22:00|20|65535|"), SHANGHAI);
        MessageController c = controller(Duration.ZERO, plan);
        assertThat(c.tick(T0)).isEmpty();
        assertThat(c.displayed().multi()).as("08:00: the 06:30 event is in force").isEqualTo("WELCOME");
        assertThat(c.displayed().origin()).isEqualTo(MessageOrigin.SCHEDULE);
        c.activate(central("HIGHER", 90, 14 * 60 + 1, T0), T0);
        List<ActivationException> refused = c.tick(T0.plus(Duration.ofHours(14)));
        assertThat(refused).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo(ActivationException.Reason.PRIORITY));
        assertThat(c.displayed().multi()).isEqualTo("HIGHER");
        c.activate(central("LOW", 5, 60, T0.plus(Duration.ofHours(22))), T0.plus(Duration.ofHours(22)));
        c.tick(T0.plus(Duration.ofMinutes(22 * 60 + 30)));
        assertThat(c.displayed().multi()).as("06:30 next day").isEqualTo("WELCOME");
    }

    @Test
    void badDayPlansAndSystemMessagesAreRefusedAtConfiguration() {
        assertThatThrownBy(() -> DayPlan.parse(List.of("25:00|1|1|x"), SHANGHAI)).hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> DayPlan.parse(List.of("06:00|300|1|x"), SHANGHAI)).hasMessageContaining("priority");
        assertThatThrownBy(() -> DayPlan.parse(List.of("06:00|1"), SHANGHAI)).hasMessageContaining("4 fields");
        assertThatThrownBy(() -> new MessageController(new ControllerSettings("[fl]", Duration.ZERO, "", "", "", 250, "", DayPlan.none(SHANGHAI)),
                renderer, T0)).hasMessageContaining("end-duration message");
    }
}
