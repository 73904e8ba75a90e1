package cn.taihang.simulator.mishaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MishapVerdictTest {

    private static final MishapVerdict.Expectation MET = new MishapVerdict.Expectation("restore", "a conflict", true, "1 conflict");

    @Test
    void anEventIsDeliveredKeptAsideStillOnACardOrLost() {
        MishapVerdict v = MishapVerdict.of(Map.of("gw-a", Set.of("e1", "e2", "e3", "e4")), Map.of("gw-a", Set.of("e1")), Map.of("gw-a", Set.of("e2")),
                Map.of("gw-a", Set.of("e3")), Set.of("gw-a"), List.of(MET));

        assertThat(v.delivered()).isEqualTo(1);
        assertThat(v.conflictsFlagged()).isEqualTo(1);
        assertThat(v.stillOnCards()).isEqualTo(1);
        assertThat(v.lost()).isEqualTo(1);
        assertThat(v.silentDrops()).as("the gateway was alarmed").isZero();
        assertThat(v.passed()).isFalse();
    }

    @Test
    void aLostEventOfAGatewayNobodyWasWarnedAboutIsASilentDrop() {
        MishapVerdict v = MishapVerdict.of(Map.of("gw-a", Set.of("e1"), "gw-b", Set.of("e2")), Map.of(), Map.of("gw-b", Set.of("e2")), Map.of(),
                Set.of("gw-b"), List.of(MET));

        assertThat(v.lost()).isEqualTo(1);
        assertThat(v.silentDrops()).isEqualTo(1);
        assertThat(v.resultLine()).isEqualTo("RESULT mishaps lost=1 silent_drops=1 conflicts_flagged=1 wrong_end_states=0");
    }

    @Test
    void passesOnlyWithNothingLostAConflictFlaggedAndEveryEndStateMet() {
        Map<String, Set<String>> acked = Map.of("gw-a", Set.of("e1", "e2"));
        assertThat(MishapVerdict.of(acked, Map.of("gw-a", Set.of("e1")), Map.of("gw-a", Set.of("e2")), Map.of(), Set.of(), List.of(MET)).passed())
                .isTrue();
        assertThat(MishapVerdict.of(acked, Map.of("gw-a", Set.of("e1", "e2")), Map.of(), Map.of(), Set.of(), List.of(MET)).passed())
                .as("no conflict flagged").isFalse();
        MishapVerdict wrong = MishapVerdict.of(acked, Map.of("gw-a", Set.of("e1")), Map.of("gw-a", Set.of("e2")), Map.of(), Set.of(),
                List.of(MET, new MishapVerdict.Expectation("clone", "alarmed", false, "no alarm")));
        assertThat(wrong.wrongEndStates()).isEqualTo(1);
        assertThat(wrong.passed()).isFalse();
    }
}
